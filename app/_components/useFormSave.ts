"use client";

import { type QueryKey, useQueryClient } from "@tanstack/react-query";
import { App } from "antd";
import { useState } from "react";

/**
 * A form's save: on success it says `saved`, refreshes everything `router` serves, then closes; a
 * refusal is kept in `error` for the form to show, and the form stays open to be corrected.
 */
export function useFormSave(router: { pathKey: () => QueryKey }, saved: string, onClose: () => void) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const handlers = {
    onSuccess: async () => {
      message.success(saved);
      await queryClient.invalidateQueries({ queryKey: router.pathKey() });
      onClose();
    },
    onError: (e: { message: string }) => setError(e.message),
  };
  return { error, handlers };
}
