// Demo data for 一表通: each county's forms as field lists, and the further
// forms on its annual list that departments actually send.
import type { Db } from "../../db/client";
import { insertCatalogueItems } from "../../db/catalogueRepository";
import { insertFormDefinitions } from "../../db/formOverlapRepository";
import { formKeyOf, parseFieldList } from "../../domain/formOverlap/normalise";
import { DEMO_FORM_FIELDS } from "../demo/formFields";

export async function seedDemoForms(
  db: Db,
  county: { code: string; name: string },
  departments: { id: string; name: string }[],
  validFrom: Date,
) {
  const departmentId = (suffix: string) => departments.find((d) => d.name === county.name + suffix)?.id ?? null;
  await insertCatalogueItems(
    db,
    DEMO_FORM_FIELDS.filter((f) => f.allowedPerYear).map((f) => ({
      catalogue: "FORM_LIST",
      itemKey: `FORM_LIST:${county.code}:${f.title}`,
      regionCode: county.code,
      name: f.title,
      departmentId: departmentId(f.department),
      details: { allowedPerYear: f.allowedPerYear, fields: f.fields },
      validFrom,
    })),
  );
  await insertFormDefinitions(
    db,
    DEMO_FORM_FIELDS.map((f) => ({
      regionCode: county.code,
      formKey: formKeyOf(f.title),
      title: f.title,
      departmentId: departmentId(f.department),
      fields: parseFieldList(f.fields),
      source: "DEMO",
      createdById: null,
    })),
  );
}
