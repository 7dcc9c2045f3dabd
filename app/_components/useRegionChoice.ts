"use client";

import { useState } from "react";
import { useMe } from "./useMe";

/** The region a page shows: the one picked, else the user's own jurisdiction. */
export function useRegionChoice() {
  const me = useMe();
  const [regionCode, setRegionCode] = useState<string | undefined>();
  return { me, region: regionCode ?? me?.regionCode, setRegionCode };
}
