using System;
using System.Collections.Generic;
using JuheSms.Sandbox.Faults;
using JuheSms.Sandbox.Inbox;
using JuheSms.Testing.Internal;

namespace JuheSms.Sandbox.Hosting
{
    /// <summary>
    /// Everything a running server knows: the provider model shared with <c>JuheSmsSandbox</c>, the template names,
    /// the faults waiting and the inbox. One lock makes a send's fault, decision and record one step.
    /// </summary>
    internal sealed class SandboxState
    {
        private readonly object _gate = new object();
        private readonly SandboxProvider _provider;
        private readonly Dictionary<int, RegisteredTemplate> _templates = new Dictionary<int, RegisteredTemplate>();
        private readonly FaultQueue _faults = new FaultQueue();

        public SandboxState(JuheSmsSandboxServerOptions options)
        {
            _provider = new SandboxProvider(options.Key, options.TimeProvider)
            {
                Signature = options.Signature,
                EnforceFrequencyLimits = options.EnforceFrequencyLimits,
            };
            Store = new MessageStore(options.MaxMessages);
        }

        public MessageStore Store { get; }

        public string Key => _provider.Key;

        public void Register(int tplId, string text, string? name)
        {
            lock (_gate)
            {
                _provider.Register(tplId, text);
                _templates[tplId] = new RegisteredTemplate(tplId, name, text);
            }
        }

        public List<RegisteredTemplate> Templates
        {
            get
            {
                lock (_gate)
                {
                    var list = new List<RegisteredTemplate>(_templates.Values);
                    list.Sort((a, b) => a.TplId.CompareTo(b.TplId));
                    return list;
                }
            }
        }

        public void AddFault(Fault fault)
        {
            lock (_gate)
            {
                _faults.Add(fault);
            }
        }

        public List<Fault> Faults
        {
            get { lock (_gate) { return _faults.Snapshot(); } }
        }

        public void ClearFaults()
        {
            lock (_gate)
            {
                _faults.Clear();
            }
        }

        /// <summary>Empties the inbox and forgets the carriers' frequency history: a fresh start for the next test.</summary>
        public void Clear()
        {
            lock (_gate)
            {
                _provider.ClearLimits();
                Store.Clear();
            }
        }

        /// <summary>Decides one send (the fault waiting first, then the provider's rules) and records it.</summary>
        public SendDecision Decide(string method, IReadOnlyDictionary<string, string> fields)
        {
            lock (_gate)
            {
                Fault? fault = _faults.Next;
                ProviderOutcome outcome;
                InboxFault? hit = null;
                bool drop = false;
                int delayMs = 0;
                if (fault is { Kind: FaultKind.ErrorCode })
                {
                    _faults.Consume(fault);
                    hit = fault.ToInboxFault();
                    outcome = ProviderOutcome.Refused(fault.ErrorCode);
                }
                else
                {
                    outcome = _provider.Decide(method, fields);
                    if (fault is { Kind: FaultKind.Delay })
                    {
                        _faults.Consume(fault);
                        hit = fault.ToInboxFault();
                        delayMs = fault.DelayMs;
                    }
                    else if (fault is { Kind: FaultKind.DropAfterAccept } && outcome.IsAccepted)
                    {
                        // Only an accepted send can be dropped after acceptance; a refused one leaves the fault waiting.
                        _faults.Consume(fault);
                        hit = fault.ToInboxFault();
                        drop = true;
                    }
                }

                DateTimeOffset now = _provider.TimeProvider.GetUtcNow();
                if (outcome.Sent is { } sent)
                {
                    _templates.TryGetValue(sent.TplId, out RegisteredTemplate? template);
                    Store.Add(new InboxMessage(
                        sent.Sid,
                        sent.Mobile,
                        sent.TplId,
                        template?.Name,
                        sent.Text,
                        sent.Segments,
                        sent.Variables,
                        sent.Ext,
                        sent.Timestamp,
                        sent.Method,
                        hit));
                }
                else
                {
                    fields.TryGetValue("mobile", out string? mobile);
                    fields.TryGetValue("tpl_id", out string? tplId);
                    Store.Add(new InboxRefusal(mobile, tplId, outcome.ErrorCode, outcome.Reason, now, hit));
                }

                return new SendDecision(outcome, drop, delayMs);
            }
        }
    }

    /// <summary>How to answer one send: the provider's outcome, and whether to cut the connection or answer late.</summary>
    internal sealed record SendDecision(ProviderOutcome Outcome, bool DropConnection, int DelayMs);

    /// <summary>A template the server knows, as <c>GET /api/info</c> lists it.</summary>
    internal sealed record RegisteredTemplate(int TplId, string? Name, string Text);
}
