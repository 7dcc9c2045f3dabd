"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useRealtime } from "../../_components/RealtimeProvider";
import { useTRPC } from "../../_trpc/client";
import { SequenceTracker } from "@/server/domain/alertSequence";

import type { AlertDto } from "@/server/services/alerts/alertEvents";

export type AlertView = AlertDto & { live?: boolean };

interface EventMessage {
  seq: number;
  type: string;
  alertId: string | null;
  regionCode: string;
  payload: { alert?: AlertView };
}

/**
 * The inbox state: loaded once, then kept current by socket events. Instances
 * publish independently, so events can arrive out of sequence and a replay
 * after a reconnect overlaps what was seen: each sequence is applied once, and
 * an alert only ever moves to a later event's snapshot.
 */
export function useLiveAlerts(regionCode: string | undefined, onAttention: (alert: AlertView, type: string) => void) {
  const trpc = useTRPC();
  const socket = useRealtime();
  const initial = useQuery({
    ...trpc.alert.list.queryOptions({ regionCode: regionCode ?? "" }),
    enabled: Boolean(regionCode),
    refetchOnWindowFocus: false,
  });
  const [alerts, setAlerts] = useState<Map<string, AlertView>>(new Map());
  const sequence = useRef(new SequenceTracker());
  const { refetch } = initial;
  const attention = useRef(onAttention);
  attention.current = onAttention;

  useEffect(() => {
    if (!initial.data) return;
    setAlerts(new Map(initial.data.alerts.map((a): [string, AlertView] => [a.id, a])));
    sequence.current = new SequenceTracker(initial.data.lastSeq);
  }, [initial.data]);

  const apply = useCallback(
    (event: EventMessage) => {
      const alert = event.payload.alert;
      if (!sequence.current.accept(event.seq, alert?.id)) return;
      if (!alert || !regionCode || !alert.regionCode.startsWith(regionCode)) return;
      setAlerts((current) => new Map(current).set(alert.id, { ...alert, live: true }));
      if (["FIRING", "REOPENED", "ESCALATED", "NEW_VIOLATION"].includes(event.type) && !alert.silenced)
        attention.current(alert, event.type);
      socket?.emit("alerts:received", { alertIds: [alert.id] });
    },
    [regionCode, socket],
  );

  useEffect(() => {
    if (!socket || !initial.data) return;
    // On every (re)connect: hold live events back, apply what was missed, then the held ones.
    let held: EventMessage[] | null = null;
    const live = (event: EventMessage) => (held ? held.push(event) : apply(event));
    const replay = () => {
      held = [];
      const { highest, floor } = sequence.current;
      socket.emit("alerts:replay", { afterSeq: highest, loadedAt: floor }, (reply?: { complete?: boolean }) => {
        const pending = held!.sort((a, b) => a.seq - b.seq);
        held = null;
        pending.forEach(apply);
        // Away too long for a replay: the list is loaded again (and the sequence with it).
        if (reply?.complete === false) void refetch();
      });
    };
    socket.on("alerts:event", live);
    socket.on("alerts:replayed", apply);
    socket.on("connect", replay);
    if (socket.connected) replay();
    socket.emit("alerts:received", { alertIds: initial.data.alerts.map((a) => a.id).slice(0, 200) });
    return () => {
      socket.off("alerts:event", live);
      socket.off("alerts:replayed", apply);
      socket.off("connect", replay);
    };
  }, [socket, initial.data, apply, refetch]);

  return { alerts: [...alerts.values()], loading: initial.isLoading, error: initial.error, refetch: initial.refetch };
}
