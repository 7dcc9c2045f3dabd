"use client";

import { can } from "../../_components/can";
import { Card, Tabs } from "antd";
import { CATALOGUES, CATALOGUE_INFO } from "@/server/domain/catalogues";
import { FilterBar, PageStack } from "../../_components/PageStack";
import { useRegionChoice } from "../../_components/useRegionChoice";
import { AdmissionPanel } from "./AdmissionPanel";
import { CatalogueTable } from "./CatalogueTable";

export function CatalogueWorkspace() {
  const { me, region, setRegionCode } = useRegionChoice();
  if (!me || !region) return null;
  return (
    <PageStack>
      <FilterBar small={false} region={region} onRegionChange={setRegionCode} />
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
    </PageStack>
  );
}
