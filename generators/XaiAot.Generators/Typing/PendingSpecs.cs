using System;
using System.Collections.Generic;
using System.Threading;

namespace XaiAot.Generators.Typing
{
    /// <summary>
    /// The work queue of named types whose <see cref="Model.TypeRef"/> is handed out but whose spec is
    /// still to be built. A named type is registered when first met and filled from here, exactly once,
    /// so resolving its members never recurses into another named type: a reference to one is its name.
    /// First in, first out, so inline types are filled (and their own inline types named) in the order
    /// they are found.
    /// </summary>
    internal sealed class PendingSpecs
    {
        private readonly Queue<Action> _fills = new();

        public void Add(Action fill) => _fills.Enqueue(fill);

        /// <summary>Builds every pending spec, including those that building adds.</summary>
        public void Drain(CancellationToken cancellation)
        {
            while (_fills.Count > 0)
            {
                cancellation.ThrowIfCancellationRequested();
                _fills.Dequeue()();
            }
        }
    }
}
