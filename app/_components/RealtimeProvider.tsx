"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { io, type Socket } from "socket.io-client";

interface RealtimeState {
  socket: Socket | null;
  connected: boolean;
}

const RealtimeContext = createContext<RealtimeState>({ socket: null, connected: false });

/** One socket per signed-in page; the session cookie authenticates the handshake. */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<RealtimeState>({ socket: null, connected: false });
  useEffect(() => {
    const socket = io({ path: "/socket.io", withCredentials: true });
    const update = () => setState({ socket, connected: socket.connected });
    socket.on("connect", update);
    socket.on("disconnect", update);
    socket.on("connect_error", update);
    update();
    return () => {
      socket.disconnect();
    };
  }, []);
  return <RealtimeContext.Provider value={state}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): Socket | null {
  return useContext(RealtimeContext).socket;
}

export function useRealtimeStatus(): boolean {
  return useContext(RealtimeContext).connected;
}
