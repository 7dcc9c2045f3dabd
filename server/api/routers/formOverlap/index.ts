import { createTRPCRouter } from "../../trpc";
import { accept } from "./accept";
import { admissionOverlap } from "./admissionOverlap";
import { burden } from "./burden";
import { county } from "./county";
import { dictionary } from "./dictionary";
import { dismiss } from "./dismiss";
import { ranking } from "./ranking";
import { saveFields } from "./saveFields";
import { setMapping } from "./setMapping";

export const formOverlapRouter = createTRPCRouter({
  accept,
  admissionOverlap,
  burden,
  county,
  dictionary,
  dismiss,
  ranking,
  saveFields,
  setMapping,
});
