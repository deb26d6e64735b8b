using System.Collections.Generic;
using XaiAot.Generators.JsonText;

namespace XaiAot.Generators.Typing
{
    /// <summary>
    /// The unnamed schema locations whose resolution is under way, innermost last: arrays, maps and
    /// aliases (<c>allOf: [X]</c>, <c>anyOf: [X, null]</c>). Named types never stand on the path (they
    /// get their <see cref="Model.TypeRef"/> at once and are filled from the work queue), so meeting a
    /// location on the path again is a genuine cycle: through an array or a map it can still be typed
    /// (<see cref="CycleFrom"/>); through aliases alone it cannot (XAOT0006). The path's length is how
    /// deeply unnamed type expressions nest (<c>IReadOnlyList&lt;IReadOnlyList&lt;…&gt;&gt;</c>).
    /// </summary>
    internal sealed class ResolutionPath
    {
        private readonly List<Step> _steps = new();
        private readonly Dictionary<JsonTree, int> _positions = new(NodeIdentity.Instance);

        public int Length => _steps.Count;

        public bool Contains(JsonTree schema) => _positions.ContainsKey(schema);

        /// <summary>False when <paramref name="schema"/> is already on the path.</summary>
        public bool TryEnter(JsonTree schema, string pointer, string hint)
        {
            if (_positions.ContainsKey(schema))
            {
                return false;
            }

            _positions.Add(schema, _steps.Count);
            _steps.Add(new Step(schema, pointer, hint, isContainer: false));
            return true;
        }

        /// <summary>Leaves the innermost location, which must be <paramref name="schema"/>.</summary>
        public void Leave(JsonTree schema)
        {
            _positions.Remove(schema);
            _steps.RemoveAt(_steps.Count - 1);
        }

        /// <summary>Notes that the innermost location, <paramref name="schema"/>, is an array or a map (a type that can hold itself).</summary>
        public void MarkContainer(JsonTree schema)
        {
            if (_positions.TryGetValue(schema, out int position))
            {
                Step step = _steps[position];
                _steps[position] = new Step(step.Schema, step.Pointer, step.Hint, isContainer: true);
            }
        }

        /// <summary>
        /// The containers (arrays, maps) on the cycle that starts at <paramref name="schema"/> (on the
        /// path) and ends here, outermost first; empty for a cycle of aliases alone.
        /// </summary>
        public List<Step> CycleFrom(JsonTree schema)
        {
            var containers = new List<Step>();
            for (int position = _positions[schema]; position < _steps.Count; position++)
            {
                if (_steps[position].IsContainer)
                {
                    containers.Add(_steps[position]);
                }
            }

            return containers;
        }

        /// <summary>One location under way, with what naming it would need (a struct: one is made per resolution).</summary>
        internal readonly struct Step
        {
            public Step(JsonTree schema, string pointer, string hint, bool isContainer)
            {
                Schema = schema;
                Pointer = pointer;
                Hint = hint;
                IsContainer = isContainer;
            }

            public JsonTree Schema { get; }

            public string Pointer { get; }

            public string Hint { get; }

            public bool IsContainer { get; }
        }
    }
}
