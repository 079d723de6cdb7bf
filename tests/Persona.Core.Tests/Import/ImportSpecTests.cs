using System.Globalization;
using System.Text.Json.Nodes;
using Persona.Core.Import;
using Persona.Tests;

namespace Persona.Core.Tests.Import;

/// <summary>
/// Spec-style fixtures: <c>testdata/&lt;case&gt;/input.json</c> (or <c>input.jsonl</c>) and <c>expected.json</c>.
/// <c>expected.json</c> lists the person messages in order (only the fields it names are compared),
/// self-descriptions, skip counts, diagnostics (path + message fragment) or the file error's fragments.
/// </summary>
public sealed class ImportSpecTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(TestData).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(dir));
        return data;
    }

    private static string TestData => Path.Combine(TestPaths.RepoRoot, "tests", "Persona.Core.Tests", "Import", "testdata");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Import_Fixture_MatchesExpected(string name)
    {
        var dir = Path.Combine(TestData, name);
        var input = Directory.EnumerateFiles(dir, "input.*").Single();
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "expected.json"), TestContext.Current.CancellationToken))!.AsObject();
        var branches = expected["branches"]?.GetValue<string>() is { } b ? Enum.Parse<BranchSelection>(b) : BranchSelection.Active;

        var result = await new ChatImporter(new ImportOptions { Branches = branches })
            .ReadAsync([input], cancellationToken: TestContext.Current.CancellationToken);

        var file = Assert.Single(result.Files);
        if (expected["error_contains"] is JsonArray errorParts)
        {
            Assert.NotNull(file.Error);
            Assert.StartsWith(input, file.Error);
            foreach (var part in errorParts)
                Assert.Contains(part!.GetValue<string>(), file.Error);
            Assert.Empty(result.Conversations);
            return;
        }

        Assert.Null(file.Error);
        Assert.Equal(expected["format"]?.GetValue<string>(), file.Format?.ToString());
        CheckMessages(expected["messages"]!.AsArray(), result.Messages.ToList());
        if (expected["self_descriptions"] is JsonArray self)
        {
            Assert.Equal(
                self.Select(s => $"{s!["kind"]}: {s["text"]}"),
                result.SelfDescriptions.Select(s => $"{s.Kind}: {s.Text}"));
        }

        if (expected["skipped"] is JsonObject skipped)
        {
            foreach (var (reason, count) in skipped)
                Assert.True(file.Skipped.GetValueOrDefault(Enum.Parse<SkipReason>(reason)) == count!.GetValue<int>(), $"skipped {reason}: expected {count}, got {string.Join(", ", file.Skipped)}");
        }

        if (expected["diagnostics"] is JsonArray diagnostics)
        {
            foreach (var d in diagnostics)
            {
                var path = d!["json_path"]!.GetValue<string>();
                var fragment = d["message_contains"]!.GetValue<string>();
                var match = file.Diagnostics.FirstOrDefault(x => x.JsonPath == path && x.Message.Contains(fragment, StringComparison.Ordinal));
                Assert.True(match is not null, $"no diagnostic at {path} containing '{fragment}'; got: {string.Join(" | ", file.Diagnostics)}");
                if (d["conversation_id"] is { } id)
                    Assert.Equal(id.GetValue<string>(), match.ConversationId);
            }
        }
    }

    private static void CheckMessages(JsonArray expected, List<PersonMessage> actual)
    {
        Assert.True(expected.Count == actual.Count, $"expected {expected.Count} messages, got {actual.Count}: {string.Join(" | ", actual.Select(m => m.Text))}");
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i]!.AsObject();
            var a = actual[i];
            foreach (var (key, value) in e)
            {
                object? actualValue = key switch
                {
                    "conversation_id" => a.ConversationId,
                    "message_id" => a.MessageId.StartsWith(a.ConversationId + "/", StringComparison.Ordinal) ? a.MessageId[(a.ConversationId.Length + 1)..] : a.MessageId,
                    "title" => a.ConversationTitle,
                    "position" => a.Position,
                    "text" => a.Text,
                    "context" => a.Context,
                    "created_at" => a.CreatedAt?.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
                    "words" => a.WordCount,
                    "chars" => a.CharCount,
                    "on_active_branch" => a.OnActiveBranch,
                    _ => throw new InvalidOperationException("unknown expected field " + key),
                };
                var expectedValue = value?.GetValueKind() switch
                {
                    null => null,
                    System.Text.Json.JsonValueKind.Number => (object)value.GetValue<int>(),
                    System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => value.GetValue<bool>(),
                    _ => value.GetValue<string>(),
                };
                Assert.True(Equals(expectedValue, actualValue), $"message {i} {key}: expected '{expectedValue}', got '{actualValue}'");
            }
        }
    }
}
