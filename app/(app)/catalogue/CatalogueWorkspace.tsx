"use client";

import { can } from "../../_components/can";
import { Card, Space, Tabs } from "antd";
import { useState } from "react";
import { CATALOGUES, CATALOGUE_INFO } from "@/server/domain/catalogues";
import { RegionPicker } from "../../_components/RegionPicker";
import { useMe } from "../../_components/useMe";
import { AdmissionPanel } from "./AdmissionPanel";
import { CatalogueTable } from "./CatalogueTable";

export function CatalogueWorkspace() {
  const me = useMe();
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const region = regionCode ?? me?.regionCode;
  if (!me || !region) return null;
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Card>
        <RegionPicker value={region} onChange={setRegionCode} />
      </Card>
      <Card>
        {/* Tabs wrap onto a second line: every 目录 stays visible, none hides behind "…". */}
        <Tabs
          className="wrap-tabs"
          defaultActiveKey="admission"
          items={[
            { key: "admission", label: "准入申请", children: <AdmissionPanel regionCode={region} role={me.role} /> },
            ...CATALOGUES.map((catalogue) => ({
              key: catalogue,
              label: CATALOGUE_INFO[catalogue].name,
              children: (
                <CatalogueTable catalogue={catalogue} regionCode={region} canEdit={can(me, "catalogue.save")} />
              ),
            })),
          ]}
        />
      </Card>
    </Space>
  );
}
