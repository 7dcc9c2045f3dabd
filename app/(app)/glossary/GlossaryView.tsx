"use client";

import { Card, Typography } from "antd";
import { GLOSSARY } from "../../_components/glossary";

export function GlossaryView() {
  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>术语说明</h1>} data-testid="glossary">
      <Typography.Paragraph type="secondary">本平台页面上出现的单位、指标和状态的含义。</Typography.Paragraph>
      <dl style={{ margin: 0 }}>
        {GLOSSARY.map((t) => (
          <div key={t.id} id={t.id} style={{ padding: "12px 0", borderTop: "1px solid #f0f0f0" }}>
            <dt style={{ fontWeight: 600, marginBottom: 4 }}>{t.term}</dt>
            <dd style={{ margin: 0 }}>
              {t.definition}
              {t.example && <div style={{ color: "#595959", marginTop: 4 }}>例：{t.example}</div>}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
