"use client";

import { QuestionCircleOutlined } from "@ant-design/icons";
import { Button, Popover } from "antd";
import Link from "next/link";
import type { ReactNode } from "react";
import { glossaryTerm } from "./glossary";

/** A 说明 popover beside a number: the glossary's own sentences, and a link to the full page. */
export function Explain({ terms, extra, label = "说明" }: { terms: string[]; extra?: ReactNode; label?: string }) {
  const content = (
    <div style={{ maxWidth: 340 }} data-testid="explain-content">
      {terms.map((id) => {
        const t = glossaryTerm(id);
        return (
          <p key={id} style={{ margin: "0 0 8px" }}>
            <strong>{t.term}</strong>：{t.definition}
          </p>
        );
      })}
      {extra}
      <Link href={`/glossary#${terms[0] ?? ""}`}>查看全部术语说明</Link>
    </div>
  );
  return (
    <Popover content={content} trigger="click" title={null}>
      <Button
        type="link"
        size="small"
        icon={<QuestionCircleOutlined />}
        style={{ paddingInline: 4 }}
        data-testid="explain"
      >
        {label}
      </Button>
    </Popover>
  );
}
