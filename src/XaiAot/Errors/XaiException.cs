using System;

namespace XaiAot;

/// <summary>
/// Base of every error XaiAot raises about a call: catch this to handle them all. Messages never
/// contain the API key.
/// </summary>
public abstract class XaiException : Exception
{
    protected XaiException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
