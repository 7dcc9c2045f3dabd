"use client";

export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} style={{ padding: "4px 16px" }}>
      打印
    </button>
  );
}
