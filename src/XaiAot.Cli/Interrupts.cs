using System.Threading;

namespace XaiAot.Cli;

/// <summary>
/// Ctrl+C as a conversation needs it: a press while an answer streams stops that answer only (its
/// connection is released and the prompt comes back); a press with no answer streaming ends the
/// program. Program.Main calls <see cref="Press"/> from the console's cancel handler; tests call it
/// directly.
/// </summary>
internal sealed class Interrupts
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _exit;
    private CancellationTokenSource? _answer;

    public Interrupts(CancellationTokenSource exit)
    {
        _exit = exit;
    }

    /// <summary>Cancelled when the program should end.</summary>
    public CancellationToken Exit => _exit.Token;

    /// <summary>A token for one answer: cancelled by the next press, or when the program ends.</summary>
    public CancellationTokenSource BeginAnswer()
    {
        lock (_gate)
        {
            _answer = CancellationTokenSource.CreateLinkedTokenSource(_exit.Token);
            return _answer;
        }
    }

    /// <summary>The answer is over; a press now ends the program.</summary>
    public void EndAnswer(CancellationTokenSource answer)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_answer, answer))
            {
                _answer = null;
            }
        }

        answer.Dispose();
    }

    /// <summary>Ctrl+C: stops the streaming answer if there is one, else ends the program. True when an answer took it.</summary>
    public bool Press()
    {
        lock (_gate)
        {
            if (_answer is { IsCancellationRequested: false } answer)
            {
                answer.Cancel();
                return true;
            }
        }

        _exit.Cancel();
        return false;
    }
}
