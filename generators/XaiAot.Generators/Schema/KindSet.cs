using System;

namespace XaiAot.Generators.Schema
{
    /// <summary>Which JSON kinds a schema accepts, as far as can be told without building it.</summary>
    [Flags]
    internal enum KindSet
    {
        None = 0,
        String = 1,
        Integer = 2,
        Number = 4,
        Boolean = 8,
        Array = 16,
        Object = 32,
        Null = 64,

        /// <summary>Unconstrained: any JSON value.</summary>
        Any = 128,
    }

    internal static class KindSetExtensions
    {
        public static int Count(this KindSet set)
        {
            int count = 0;
            for (int bits = (int)set; bits != 0; bits &= bits - 1)
            {
                count++;
            }

            return count;
        }
    }
}
