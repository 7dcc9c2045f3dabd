"use client";

import { Form, Input, InputNumber, Radio, Select } from "antd";
import type { ReactNode } from "react";
import type { FieldSpec } from "@/server/domain/burdenDetails";

/** Form items for a list of field specs, stored under `["details", key]`. */
export function SpecFields({ specs }: { specs: readonly FieldSpec[] }) {
  return (
    <>
      {specs.map((spec) => {
        const rules = spec.required ? [{ required: true, message: `请填写${spec.label}` }] : [];
        const name = ["details", spec.key];
        let control: ReactNode;
        switch (spec.type) {
          case "boolean":
            control = (
              <Radio.Group
                options={[
                  { value: true, label: "是" },
                  { value: false, label: "否" },
                ]}
              />
            );
            break;
          case "integer":
            control = <InputNumber min={spec.min} max={spec.max} precision={0} style={{ width: 160 }} />;
            break;
          case "enum":
            control = <Select options={spec.options} style={{ width: 200 }} />;
            break;
          default:
            control = <Input maxLength={spec.max} />;
        }
        return (
          <Form.Item key={spec.key} label={spec.label} name={name} rules={rules}>
            {control}
          </Form.Item>
        );
      })}
    </>
  );
}

/** Drops empty values so optional fields are simply absent. */
export function compactDetails(
  details: Record<string, unknown> | undefined,
): Record<string, string | number | boolean> {
  return Object.fromEntries(
    Object.entries(details ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== ""),
  ) as Record<string, string | number | boolean>;
}
