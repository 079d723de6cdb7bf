using System.CommandLine;
using Persona.Core.Import.Output;
using Persona.Core.Library;
using Persona.Core.Memories;
using Persona.Core.Pipeline;

namespace Persona.Cli.Commands;

/// <summary>
/// <c>persona generate --user U [--refresh [--only-needing] [--include-empty] [--clamp N]] [--out DIR] [--profiles DIR]</c>:
/// refreshes the user's conversation memories (optionally), then derives core persona fields from them.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(CliContext context)
    {
        var user = new Option<string>("--user") { Description = "Profile (user) to generate for.", Required = true };
        var profiles = new Option<DirectoryInfo>("--profiles") { Description = "Folder holding every profile.", DefaultValueFactory = _ => new DirectoryInfo(ProfilePaths.DefaultRoot) };
        var outDir = CommonOptions.Out();
        var refresh = new Option<bool>("--refresh") { Description = "Refresh conversation memories before generating." };
        var onlyNeeding = new Option<bool>("--only-needing") { Description = "Refresh only memories that are missing or older than their conversation." };
        var includeEmpty = new Option<bool>("--include-empty") { Description = "Also make memories for conversations without text." };
        var clamp = new Option<int?>("--clamp") { Description = "Refresh at most N conversations (most recent first)." };
        var command = new Command("generate", "Refresh a user's memories and derive their core persona fields offline.") { user, profiles, outDir, refresh, onlyNeeding, includeEmpty, clamp };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var library = new PersonaLibrary(new PersonaLibraryOptions { ProfileId = parse.GetValue(user)!, ProfilesRoot = parse.GetValue(profiles)!.FullName });
                var refreshOptions = parse.GetValue(refresh)
                    ? new MemoryRefreshOptions { OnlyNeeding = parse.GetValue(onlyNeeding), IncludeEmpty = parse.GetValue(includeEmpty), Clamp = parse.GetValue(clamp) }
                    : null;
                if (refreshOptions is null && (parse.GetValue(onlyNeeding) || parse.GetValue(includeEmpty) || parse.GetValue(clamp) is not null))
                    throw new CliException("--only-needing, --include-empty and --clamp apply to --refresh; add --refresh.");
                var messages = refreshOptions is null
                    ? []
                    : await AllMessagesDataset.ReadAsync(new PipelinePaths(parse.GetValue(outDir)!.FullName).AllMessages, ct).ConfigureAwait(false);
                // The summarizer role's model when one is configured and available; the offline extractive summarizer otherwise.
                using var runtime = CliLlm.Open();
                var summarizer = ChatMemorySummarizer.FromRuntime(runtime);
                var result = await new CorePersonaGenerator(library, summarizer).GenerateAsync(messages, new PersonaGenerationOptions { Refresh = refreshOptions }, cancellationToken: ct).ConfigureAwait(false);
                await ReportAsync(context, result).ConfigureAwait(false);
                return result.Refresh?.Failed > 0 ? ExitCodes.Failed : ExitCodes.Success;
            }
            catch (PersonaLibraryException ex)
            {
                throw new CliException(ex.Message, ex.Error == PersonaLibraryError.Conflict ? ExitCodes.Conflict : ExitCodes.InputError);
            }
            catch (Persona.Parquet.ParquetFormatException ex)
            {
                throw new CliException("all_messages.parquet: " + ex.Message);
            }
        });
        return command;
    }

    private static async Task ReportAsync(CliContext context, PersonaGenerationResult result)
    {
        var o = context.Output;
        await o.WriteLineAsync($"mode: {result.Mode}").ConfigureAwait(false);
        if (result.Refresh is { } r)
            await o.WriteLineAsync($"memories: {r.Conversations} conversations, {r.Refreshed} refreshed, {r.Failed} failed, {r.Skipped} skipped ({r.Summarizer})").ConfigureAwait(false);
        else
            await o.WriteLineAsync("memories: not refreshed (stored memories used)").ConfigureAwait(false);
        await o.WriteLineAsync($"derived from {result.Memories} memories: currentFocus = [{string.Join(", ", result.CurrentFocus)}], interests = [{string.Join(", ", result.Interests)}] (source: memories)").ConfigureAwait(false);
        await o.WriteLineAsync(result.Updated ? $"core persona: version {result.CoreVersion}" : $"core persona: unchanged (version {result.CoreVersion})").ConfigureAwait(false);
        foreach (var f in result.Refresh?.Failures ?? [])
            await context.Error.WriteLineAsync($"memory failed for conversation {f.ConversationId}: {f.Error}").ConfigureAwait(false);
    }
}
