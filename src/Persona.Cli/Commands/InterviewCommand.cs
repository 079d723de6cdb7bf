using System.CommandLine;
using Persona.Cli.Commands.Interview;
using Persona.Core.Interview;
using Persona.Core.Library;
using Persona.Core.Llm.Configuration;
using Spectre.Console;

namespace Persona.Cli.Commands;

/// <summary>
/// <c>persona interview [--profile USER] [--profiles DIR] [--resume] [--answers FILE] [--apply|--merge|--discard]</c>:
/// the adaptive persona interview in a terminal (Spectre.Console prompts on a TTY, plain lines from stdin
/// otherwise) or from a file of pre-written answers; ends with the draft's review and an explicit choice.
/// </summary>
internal static class InterviewCommand
{
    public static Command Create(CliContext context)
    {
        var profile = new Option<string>("--profile") { Description = "Profile (user) being interviewed.", DefaultValueFactory = _ => "default" };
        var profiles = new Option<DirectoryInfo>("--profiles") { Description = "Folder holding every profile.", DefaultValueFactory = _ => new DirectoryInfo(ProfilePaths.DefaultRoot) };
        var resume = new Option<bool>("--resume") { Description = "Resume the unfinished session (or review the latest undecided draft) without asking." };
        var answers = new Option<FileInfo?>("--answers") { Description = "Batch mode: pre-written answers (JSON, YAML or Markdown Q&A)." };
        var apply = new Option<bool>("--apply") { Description = "Apply the draft: it replaces the core persona (a new, revertible version)." };
        var merge = new Option<bool>("--merge") { Description = "Merge the draft: fill gaps and append to lists; conflicting values keep the current one." };
        var discard = new Option<bool>("--discard") { Description = "Discard the draft; the core persona is untouched." };
        var config = new Option<FileInfo?>("--config") { Description = $"Interview configuration (default: the nearest {InterviewConfigLoader.DefaultRelativePath})." };
        var llmConfig = new Option<FileInfo?>("--llm-config") { Description = $"LLM configuration (default: ${LlmConfigLoader.ConfigPathVariable}, else the nearest {LlmConfigLoader.DefaultRelativePath})." };
        var seed = new Option<int?>("--seed") { Description = "Seed for session ids and phrasing variants (recorded in the session)." };
        var metrics = new Option<bool>("--metrics") { Description = "Print interview metrics from the audit log and exit." };
        var command = new Command("interview", "Run the adaptive persona interview and review its draft.")
        {
            profile, profiles, resume, answers, apply, merge, discard, config, llmConfig, seed, metrics,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var choices = new[] { (apply, ReviewChoice.Apply), (merge, ReviewChoice.Merge), (discard, ReviewChoice.Discard) }
                .Where(c => parse.GetValue(c.Item1)).Select(c => c.Item2).ToList();
            if (choices.Count > 1)
                throw new CliException("Give at most one of --apply, --merge and --discard.");
            var answersFile = parse.GetValue(answers);
            if (answersFile is { Exists: false })
                throw new CliException($"answers file not found: {answersFile.FullName}");
            using var runtime = CliLlm.Open(parse.GetValue(llmConfig));
            var options = new InterviewOptions { ProfileId = parse.GetValue(profile)!, ProfilesRoot = parse.GetValue(profiles)!.FullName, Seed = parse.GetValue(seed) };
            try
            {
                using var engine = await InterviewEngine.CreateAsync(options, parse.GetValue(config)?.FullName, runtime, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (parse.GetValue(metrics))
                {
                    await PrintMetricsAsync(context, engine, cancellationToken).ConfigureAwait(false);
                    return ExitCodes.Success;
                }

                var interactive = answersFile is null && !Console.IsInputRedirected && !Console.IsOutputRedirected;
                IOperatorInput input = interactive
                    ? new SpectreOperatorInput(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) }))
                    : new LineOperatorInput(Console.In, context.Output);
                var run = new TerminalInterview(engine, input, context, choices.Count == 1 ? choices[0] : null);
                return answersFile is null
                    ? await run.RunAsync(parse.GetValue(resume), cancellationToken).ConfigureAwait(false)
                    : await run.RunBatchAsync(answersFile.FullName, cancellationToken).ConfigureAwait(false);
            }
            catch (InterviewException ex)
            {
                throw new CliException(ex.Message, ex.Error == InterviewError.InvalidState ? ExitCodes.Conflict : ExitCodes.InputError);
            }
            catch (PersonaLibraryException ex)
            {
                throw new CliException(ex.Message, ex.Error is PersonaLibraryError.Conflict or PersonaLibraryError.LockTimeout ? ExitCodes.Conflict : ExitCodes.InputError);
            }
        });
        return command;
    }

    private static async Task PrintMetricsAsync(CliContext context, InterviewEngine engine, CancellationToken cancellationToken)
    {
        var m = await engine.GetMetricsAsync(cancellationToken).ConfigureAwait(false);
        await context.Output.WriteLineAsync(FormattableString.Invariant(
            $"sessions started {m.SessionsStarted}, completed {m.SessionsCompleted}, aborted {m.SessionsAborted}, completion rate {m.CompletionRate:P0}")).ConfigureAwait(false);
        await context.Output.WriteLineAsync(FormattableString.Invariant(
            $"questions asked {m.QuestionsAsked} ({m.QuestionsPerSession:0.#} per session); drafts applied {m.Applied}, merged {m.Merged}, discarded {m.DraftsDiscarded}")).ConfigureAwait(false);
        if (m.MalformedLines > 0)
            await context.Error.WriteLineAsync($"warning: {m.MalformedLines} unreadable lines in {engine.Paths.AuditLog}").ConfigureAwait(false);
    }
}
