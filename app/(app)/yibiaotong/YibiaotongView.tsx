"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Col, Result, Row, Skeleton, Tabs, Typography } from "antd";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { levelOfCode } from "@/server/domain/regions";
import { formatDecimal, formatNumber } from "../../_components/format";
import { ChartBox } from "../../_components/ChartBox";
import { FilterBar, PageStack } from "../../_components/PageStack";
import { useScope } from "../../_components/useScope";
import { useTRPC } from "../../_trpc/client";
import { CountyRanking } from "./CountyRanking";
import { DictionaryTable } from "./DictionaryTable";
import { FormFieldsTable } from "./FormFieldsTable";
import { OverlapHeatmap } from "./OverlapHeatmap";
import { ProposalList } from "./ProposalList";
import { RepeatedEntryCard } from "./RepeatedEntryCard";
import { StatCard } from "../../_components/StatCard";
import { LoadError } from "../../_components/LoadError";

function CountyPanel({ countyCode, canEdit }: { countyCode: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const county = useQuery(trpc.formOverlap.county.queryOptions({ regionCode: countyCode }));
  if (county.error) return <LoadError error={county.error} />;
  const v = county.data;
  if (!v) return <Skeleton active />;
  const saved = v.clusters.reduce((s, c) => s + c.savedHours, 0);
  return (
    <PageStack>
      <Row gutter={[16, 16]}>
        <StatCard md={4} title="比对表格" value={v.forms.length} suffix="张" />
        <StatCard md={4} title="村（社区）" value={v.villages} />
        <StatCard
          md={5}
          title="重复填写字段（村·次/年）"
          value={v.repeatedEntries}
          formatter={(x) => formatNumber(Number(x))}
        />
        <StatCard
          md={5}
          title="重复填写工时（小时/年）"
          value={Math.round(v.repeatedHours)}
          formatter={(x) => formatNumber(Number(x))}
          data-testid="repeat-hours"
        />
        <StatCard md={3} title="可合并表格组" value={v.clusters.length} />
        <StatCard
          md={3}
          title="合并可节省（小时/年）"
          value={Math.round(saved)}
          formatter={(x) => formatNumber(Number(x))}
        />
      </Row>
      <Typography.Text type="secondary">
        重复填写：一年内村里已向另一张表报过的数据项再次填写（字段 × 填报次数 × 覆盖村数），每个字段按{" "}
        {formatDecimal(v.minutesPerFieldEntry)} 分钟计；统计近12个月的填报，目录内未见填报记录的表格按目录允许频次计。
      </Typography.Text>
      <Tabs
        items={[
          {
            key: "overview",
            label: "重合矩阵",
            children: (
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={14}>
                  <Card size="small" title="表格两两重合（热力图）">
                    <OverlapHeatmap view={v} />
                  </Card>
                </Col>
                <Col xs={24} xl={10}>
                  <Card size="small" title="被最多表格索要的数据项">
                    <ChartBox width="100%" height={Math.max(200, v.topItems.length * 22 + 40)} data-testid="top-items">
                      <BarChart data={v.topItems} layout="vertical" margin={{ left: 10, right: 20 }}>
                        <CartesianGrid horizontal={false} />
                        <XAxis type="number" allowDecimals={false} />
                        <YAxis type="category" dataKey="label" width={110} tick={{ fontSize: 12 }} />
                        <Tooltip formatter={(x) => [`${x} 张表`, "索要该数据项的表格"]} />
                        <Bar dataKey="forms" fill="#1565c0" isAnimationActive={false} />
                      </BarChart>
                    </ChartBox>
                  </Card>
                </Col>
              </Row>
            ),
          },
          {
            key: "proposals",
            label: `合并建议（${v.clusters.length}）`,
            children: (
              <>
                <Button
                  href={`/api/yibiaotong/export?regionCode=${countyCode}&kind=proposals`}
                  style={{ marginBottom: 12 }}
                  data-testid="export-proposals"
                >
                  导出合并建议
                </Button>
                <ProposalList countyCode={countyCode} clusters={v.clusters} canDecide={canEdit} />
              </>
            ),
          },
          { key: "forms", label: "表格与字段", children: <FormFieldsTable view={v} canEdit={canEdit} /> },
          { key: "departments", label: "按部门", children: <RepeatedEntryCard regionCode={countyCode} /> },
          {
            key: "dictionary",
            label: "数据项字典",
            children: (
              <>
                <Button
                  href={`/api/yibiaotong/export?regionCode=${countyCode}&kind=dictionary`}
                  style={{ marginBottom: 12 }}
                  data-testid="export-dictionary"
                >
                  导出数据项字典
                </Button>
                <DictionaryTable countyCode={countyCode} canEdit={canEdit} />
              </>
            ),
          },
        ]}
      />
    </PageStack>
  );
}

function RegionPanel({ regionCode, onOpen }: { regionCode: string; onOpen: (code: string) => void }) {
  const trpc = useTRPC();
  const ranking = useQuery(trpc.formOverlap.ranking.queryOptions({ regionCode }));
  if (ranking.error)
    return (
      <Card>
        <Result status="error" title="无法加载" subTitle={ranking.error.message} />
      </Card>
    );
  if (!ranking.data) return <Skeleton active />;
  return (
    <Card size="small" title="各县重复填写工时排名（每村每年）">
      <CountyRanking rows={ranking.data} onOpen={onOpen} />
    </Card>
  );
}

/** 一表通: which forms ask villages for the same data, what it costs, and what to merge. */
export function YibiaotongView() {
  const { me, region, setRegion } = useScope();
  if (!me || !region) return <Skeleton active />;
  const level = levelOfCode(region);
  const canEdit = me.role === "monitor" || me.role === "admin";
  return (
    <PageStack>
      <FilterBar region={region} onRegionChange={setRegion}>
        <Typography.Text type="secondary">
          选择县（市、区）查看表格重合与合并建议；选择上级区划查看各县排名。
        </Typography.Text>
      </FilterBar>
      <Typography.Title level={4} style={{ margin: 0 }}>
        一表通 · 表格重合与合并建议
      </Typography.Title>
      {level === 3 ? (
        <CountyPanel countyCode={region} canEdit={canEdit} />
      ) : level !== null && level < 3 ? (
        <RegionPanel regionCode={region} onOpen={setRegion} />
      ) : (
        <Alert
          type="info"
          showIcon
          title="表格目录按县级管理：请选择所属县（市、区）"
          action={
            <Button size="small" onClick={() => setRegion(region.slice(0, 6))}>
              查看所属县
            </Button>
          }
        />
      )}
    </PageStack>
  );
}
