"use client";

import { useQueryClient } from "@tanstack/react-query";
import { App } from "antd";
import { useEffect } from "react";
import { useRealtime } from "../../_components/RealtimeProvider";
import { useTRPC } from "../../_trpc/client";

const EVENT_NAMES: Record<string, string> = {
  CREATED: "新整改事项",
  SUBMITTED: "整改材料已提交",
  RETURNED: "整改事项被退回",
  ACCEPTED: "整改事项已销号",
  EXTENSION_REQUESTED: "申请延期",
  EXTENSION_APPROVED: "延期已批准",
  EXTENSION_REJECTED: "延期被驳回",
  ESCALATED: "逾期事项已升级",
};

/** Refreshes every rectification view when a step happens anywhere in the user's reach. */
export function useRectificationLive() {
  const socket = useRealtime();
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  const { notification } = App.useApp();
  useEffect(() => {
    if (!socket) return;
    const onEvent = (event: { type: string; title: string }) => {
      notification.info({
        title: EVENT_NAMES[event.type] ?? "整改事项更新",
        description: event.title,
        placement: "bottomRight",
        duration: 4,
      });
      void queryClient.invalidateQueries({ queryKey: trpc.rectification.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.department.pathKey() });
    };
    socket.on("rectification:changed", onEvent);
    return () => {
      socket.off("rectification:changed", onEvent);
    };
  }, [socket, queryClient, trpc, notification]);
}
