using Persona.Tests;

namespace Persona.Cli.Tests.Commands.Personas;

public sealed class PersonasCommandTests : IDisposable
{
    private readonly TempDirectory _dir = TestPaths.CreateTempDirectory();

    public void Dispose() => _dir.Dispose();

    private Task<CliRun> Run(params string[] args) => CliRunner.RunAsync([.. args, "--profiles", _dir.Path, "--profile", "cli-user"]);

    [Fact]
    public async Task CreateEditHistoryRevert_WorkEndToEnd()
    {
        var created = await Run("personas", "create", "--name", "Code Reviewer", "--instructions", "Review code.", "--author", "ada");
        var edited = await Run("personas", "edit", "code-reviewer", "--instructions", "Review code carefully.", "--note", "clearer");
        var reverted = await Run("personas", "revert", "code-reviewer", "--to", "1");
        var show = await Run("personas", "show", "code-reviewer");
        var history = await Run("personas", "history", "code-reviewer");

        Assert.Equal("code-reviewer v1", created.Output.Trim());
        Assert.Equal("code-reviewer v2", edited.Output.Trim());
        Assert.Equal("code-reviewer v3 (content of v1)", reverted.Output.Trim());
        Assert.Contains("version:     3", show.Output);
        Assert.EndsWith("Review code.", show.Output.TrimEnd());
        Assert.Contains("reverted to v1", history.Output);
        Assert.Contains("clearer", history.Output);
    }

    [Fact]
    public async Task Edit_StaleExpectedVersion_ExitsWithConflict()
    {
        await Run("personas", "create", "--name", "Coach", "--instructions", "Encourage.");
        await Run("personas", "edit", "coach", "--instructions", "Encourage more.");

        var run = await Run("personas", "edit", "coach", "--expected-version", "1", "--instructions", "Lost.");

        Assert.Equal(ExitCodes.Conflict, run.ExitCode);
        Assert.Contains("not the expected version 1", run.Error);
    }

    [Fact]
    public async Task Create_InvalidInstructions_ExitsWithInputErrorAndNamesProblem()
    {
        var run = await Run("personas", "create", "--name", "Bad", "--instructions", "Hi {{USER_PERSONA}}");

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("template syntax", run.Error);
        Assert.False(Directory.Exists(_dir.Combine("cli-user", "persona", "library")));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../other")]
    [InlineData("/abs")]
    public async Task AnyCommand_UnsafeProfile_IsRejected(string profile)
    {
        var run = await CliRunner.RunAsync("personas", "list", "--profiles", _dir.Path, "--profile", profile);

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("Profile id", run.Error);
    }

    [Fact]
    public async Task AssignResolvePreviewLog_ShowReasons()
    {
        await Run("personas", "create", "--name", "Alpha", "--instructions", "Be alpha.");
        await Run("personas", "create", "--name", "Beta", "--instructions", "Be beta.");
        await Run("personas", "assign", "proj", "alpha", "--default", "--kind", "project");
        await Run("personas", "assign", "proj", "beta");

        var byDefault = await Run("personas", "resolve", "proj", "--request-id", "r1");
        var byOverride = await Run("personas", "resolve", "proj", "--override", "beta", "--request-id", "r2");
        var bad = await Run("personas", "resolve", "proj", "--override", "builtin-fallback");
        var fallback = await Run("personas", "resolve", "elsewhere", "--request-id", "r3");
        var preview = await Run("personas", "preview", "proj", "--template", "{{PERSONA}} / {{USER_PERSONA}}");
        var log = await Run("personas", "log");

        Assert.Equal("alpha v1 context-default request=r1", byDefault.Output.Trim());
        Assert.Equal("beta v1 override request=r2", byOverride.Output.Trim());
        Assert.Equal(ExitCodes.InputError, bad.ExitCode);
        Assert.Contains("not valid for context 'proj'", bad.Error);
        Assert.StartsWith("builtin-fallback v0 builtin-fallback request=r3", fallback.Output.Trim());
        Assert.Equal("Be alpha. / User persona not available.", preview.Output.Trim());
        Assert.Contains("characters", preview.Error);
        Assert.Contains("estimate", preview.Error);
        Assert.Contains("r1", log.Output);
        Assert.Contains("preview", log.Output);
        Assert.Contains("served", log.Output);
    }

    [Fact]
    public async Task Preview_WithTokenizer_SaysExactCounter()
    {
        var tokenizer = TestPaths.RequireShared("models", "smollm2-135m-instruct-tokenizer");
        await Run("personas", "create", "--name", "Alpha", "--instructions", "Be exact.");
        await Run("personas", "assign", "proj", "alpha", "--default");

        var exact = await Run("personas", "preview", "proj", "--tokenizer", tokenizer);
        var turn = await Run("personas", "preview", "proj", "--tokenizer", tokenizer, "--chat-template");
        var missing = await Run("personas", "preview", "proj", "--tokenizer", Path.Combine(_dir.Path, "none.json"));

        Assert.Equal("Be exact.", exact.Output.Trim());
        Assert.Contains("9 characters, 3 tokens (exact: smollm2-135m-instruct-tokenizer/tokenizer.json)", exact.Error);
        Assert.Contains("8 tokens (exact: smollm2-135m-instruct-tokenizer/tokenizer.json, ChatMl system turn)", turn.Error);
        Assert.Equal(ExitCodes.InputError, missing.ExitCode);
        Assert.Contains("none.json", missing.Error);
    }

    [Fact]
    public async Task DeleteRestoreAndFallbackProtection()
    {
        await Run("personas", "create", "--name", "Gone", "--instructions", "Soon gone.");

        var deleted = await Run("personas", "delete", "gone");
        var listed = await Run("personas", "list");
        var listedAll = await Run("personas", "list", "--all");
        var restored = await Run("personas", "restore", "gone");
        var fallback = await Run("personas", "delete", "builtin-fallback");

        Assert.Equal("gone v2 deleted", deleted.Output.Trim());
        Assert.DoesNotContain("Soon", listed.Output);
        Assert.DoesNotContain("gone ", listed.Output);
        Assert.Contains("deleted", listedAll.Output);
        Assert.Equal("gone v3 active", restored.Output.Trim());
        Assert.Equal(ExitCodes.InputError, fallback.ExitCode);
        Assert.Contains("cannot be deleted", fallback.Error);
    }

    [Fact]
    public async Task ExportAndImportCard_RoundTrip()
    {
        await Run("personas", "create", "--name", "Mentor", "--instructions", "Teach patiently.", "--description", "For juniors.");
        var card = _dir.Combine("mentor.json");

        var export = await Run("personas", "export", "mentor", "--format", "card-v3", "--output", card);
        var import = await Run("personas", "import-card", card, "--id", "mentor-copy");
        var show = await Run("personas", "show", "mentor-copy");
        var modelfile = await Run("personas", "export", "mentor", "--format", "modelfile", "--base-model", "qwen2.5:0.5b", "--adapter", "loras/mentor");

        Assert.Equal(0, export.ExitCode);
        Assert.Equal("mentor-copy v1", import.Output.Trim());
        Assert.Contains("Teach patiently.", show.Output);
        Assert.Contains("For juniors.", show.Output);
        Assert.Contains("FROM qwen2.5:0.5b\nADAPTER loras/mentor\nSYSTEM \"\"\"Teach patiently.\"\"\"", modelfile.Output);
    }

    [Fact]
    public async Task ImportCard_BadFile_ReportsLocatedError()
    {
        var card = _dir.Combine("bad.json");
        await File.WriteAllTextAsync(card, "{\"spec\":\"chara_card_v2\",\"data\":{\"name\":7}}", TestContext.Current.CancellationToken);

        var run = await Run("personas", "import-card", card);

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("bad.json $.data.name", run.Error);
    }
}
