"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { io, type Socket } from "socket.io-client";

interface RealtimeState {
  socket: Socket | null;
  connected: boolean;
}

const RealtimeContext = createContext<RealtimeState>({ socket: null, connected: false });
const UnseenContext = createContext<{ unseen: number; markSeen: () => void }>({ unseen: 0, markSeen: () => {} });
const UnseenReportsContext = createContext<{ unseen: number; markSeen: () => void }>({ unseen: 0, markSeen: () => {} });

const ATTENTION = new Set(["FIRING", "REOPENED", "ESCALATED", "NEW_VIOLATION"]);

/** One socket per signed-in page; the session cookie authenticates the handshake. */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<RealtimeState>({ socket: null, connected: false });
  const [unseen, setUnseen] = useState(0);
  const [unseenReports, setUnseenReports] = useState(0);
  useEffect(() => {
    const socket = io({ path: "/socket.io", withCredentials: true });
    const update = () => setState({ socket, connected: socket.connected });
    socket.on("connect", update);
    socket.on("disconnect", update);
    socket.on("connect_error", update);
    // The navigation badge counts alerts that need attention since the inbox was last opened.
    socket.on("alerts:event", (event: { type: string }) => ATTENTION.has(event.type) && setUnseen((n) => n + 1));
    // Only report readers join the report rooms, so only they ever receive this.
    socket.on("directReports:new", () => setUnseenReports((n) => n + 1));
    update();
    return () => {
      socket.disconnect();
    };
  }, []);
  return (
    <RealtimeContext.Provider value={state}>
      <UnseenContext.Provider value={{ unseen, markSeen: () => setUnseen(0) }}>
        <UnseenReportsContext.Provider value={{ unseen: unseenReports, markSeen: () => setUnseenReports(0) }}>
          {children}
        </UnseenReportsContext.Provider>
      </UnseenContext.Provider>
    </RealtimeContext.Provider>
  );
}

export function useUnseenAlerts() {
  return useContext(UnseenContext);
}

export function useUnseenReports() {
  return useContext(UnseenReportsContext);
}

export function useRealtime(): Socket | null {
  return useContext(RealtimeContext).socket;
}

export function useRealtimeStatus(): boolean {
  return useContext(RealtimeContext).connected;
}
