using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace JuheSms.Generators.Helpers
{
    /// <summary>
    /// An immutable array compared by its elements, so that models holding it compare by value and
    /// incremental steps stay cached when a re-parse gives the same result (CommunityToolkit.Mvvm's pattern).
    /// </summary>
    internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
        where T : IEquatable<T>
    {
        public static readonly EquatableArray<T> Empty = new EquatableArray<T>(ImmutableArray<T>.Empty);

        private readonly T[]? _array;

        public EquatableArray(ImmutableArray<T> array)
        {
            _array = array.IsDefaultOrEmpty ? null : array.ToArray();
        }

        public EquatableArray(IEnumerable<T> items)
        {
            var array = new List<T>(items).ToArray();
            _array = array.Length == 0 ? null : array;
        }

        public int Count => _array?.Length ?? 0;

        public bool IsEmpty => Count == 0;

        public T this[int index] => (_array ?? throw new IndexOutOfRangeException())[index];

        public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

        public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

        public bool Equals(EquatableArray<T> other)
        {
            T[] a = _array ?? Array.Empty<T>();
            T[] b = other._array ?? Array.Empty<T>();
            if (a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (!EqualityComparer<T>.Default.Equals(a[i], b[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

        public override int GetHashCode()
        {
            int hash = 17;
            if (_array is not null)
            {
                foreach (T item in _array)
                {
                    hash = unchecked((hash * 31) + (item is null ? 0 : EqualityComparer<T>.Default.GetHashCode(item)));
                }
            }

            return hash;
        }

        public ImmutableArray<T> AsImmutableArray() => _array is null ? ImmutableArray<T>.Empty : ImmutableArray.Create(_array);

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_array ?? Array.Empty<T>())).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    internal static class EquatableArray
    {
        public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
            where T : IEquatable<T>
            => new EquatableArray<T>(items);
    }
}
