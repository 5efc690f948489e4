using System;
using System.Collections.Generic;
using System.Threading.Channels;

namespace JuheSms.Sandbox.Inbox
{
    /// <summary>
    /// The last <see cref="Capacity"/> messages and refusals (older ones are dropped, so a long-running server stays
    /// small), and the live subscribers of the inbox page. Thread-safe.
    /// </summary>
    internal sealed class MessageStore
    {
        private readonly object _gate = new object();
        private readonly LinkedList<InboxMessage> _messages = new LinkedList<InboxMessage>();
        private readonly LinkedList<InboxRefusal> _refusals = new LinkedList<InboxRefusal>();
        private readonly List<Channel<InboxEvent>> _subscribers = new List<Channel<InboxEvent>>();

        public MessageStore(int capacity) => Capacity = capacity;

        public int Capacity { get; }

        /// <summary>Messages, newest first.</summary>
        public IReadOnlyList<InboxMessage> Messages
        {
            get { lock (_gate) { return new List<InboxMessage>(_messages); } }
        }

        /// <summary>Refusals, newest first.</summary>
        public IReadOnlyList<InboxRefusal> Refusals
        {
            get { lock (_gate) { return new List<InboxRefusal>(_refusals); } }
        }

        public void Add(InboxMessage message)
        {
            lock (_gate)
            {
                _messages.AddFirst(message);
                while (_messages.Count > Capacity)
                {
                    _messages.RemoveLast();
                }

                Publish(new InboxEvent(InboxEvent.MessageKind, message));
            }
        }

        public void Add(InboxRefusal refusal)
        {
            lock (_gate)
            {
                _refusals.AddFirst(refusal);
                while (_refusals.Count > Capacity)
                {
                    _refusals.RemoveLast();
                }

                Publish(new InboxEvent(InboxEvent.RefusalKind, refusal));
            }
        }

        public void Clear()
        {
            lock (_gate)
            {
                _messages.Clear();
                _refusals.Clear();
                Publish(new InboxEvent(InboxEvent.ClearedKind, null));
            }
        }

        /// <summary>A feed of what happens from now on; dispose it to stop.</summary>
        public Subscription Subscribe()
        {
            // Bounded: a page that stops reading loses old events rather than growing the server.
            var channel = Channel.CreateBounded<InboxEvent>(new BoundedChannelOptions(Math.Max(Capacity, 16))
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleReader = true,
            });
            lock (_gate)
            {
                _subscribers.Add(channel);
            }

            return new Subscription(this, channel);
        }

        private void Publish(InboxEvent inboxEvent)
        {
            foreach (Channel<InboxEvent> subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(inboxEvent);
            }
        }

        private void Unsubscribe(Channel<InboxEvent> channel)
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }

            channel.Writer.TryComplete();
        }

        /// <summary>One live feed.</summary>
        public sealed class Subscription : IDisposable
        {
            private readonly MessageStore _store;
            private readonly Channel<InboxEvent> _channel;

            internal Subscription(MessageStore store, Channel<InboxEvent> channel)
            {
                _store = store;
                _channel = channel;
            }

            public ChannelReader<InboxEvent> Events => _channel.Reader;

            public void Dispose() => _store.Unsubscribe(_channel);
        }
    }

    /// <summary>Something the inbox page hears about: a message, a refusal, or the inbox being cleared.</summary>
    internal sealed record InboxEvent(string Kind, object? Data)
    {
        public const string MessageKind = "message";
        public const string RefusalKind = "refusal";
        public const string ClearedKind = "cleared";
    }
}
