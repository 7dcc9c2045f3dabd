import type { ReactNode } from "react";

/** A card's line of small items pushed to both ends, wrapping onto a second line on narrow phones. */
export function SpreadRow({ marginTop, children }: { marginTop: number; children: ReactNode }) {
  return (
    <div
      style={{
        display: "flex",
        justifyContent: "space-between",
        alignItems: "center",
        flexWrap: "wrap",
        gap: 4,
        marginTop,
      }}
    >
      {children}
    </div>
  );
}
