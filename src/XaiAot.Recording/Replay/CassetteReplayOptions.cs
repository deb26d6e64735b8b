using System;

namespace XaiAot.Recording;

/// <summary>Options for <see cref="CassetteReplayHandler"/>.</summary>
public sealed class CassetteReplayOptions
{
    /// <summary>
    /// When true, a Server-Sent Events body is delivered event by event with the recorded
    /// <c>duration</c> spread evenly over the events, so a replay feels (and times) like the
    /// real stream. Off by default: tests want replays as fast as possible.
    /// </summary>
    public bool Pacing { get; set; }

    /// <summary>The clock pacing waits on; replace it with a fake one to test timing without waiting.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// When true (the default), a request's body must equal the recorded one (JSON compared by
    /// meaning, other bodies as text); when false, method and URL alone select an interaction.
    /// </summary>
    public bool MatchBody { get; set; } = true;
}
