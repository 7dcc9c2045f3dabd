import { createTRPCRouter } from "../../trpc";
import { escalation } from "./escalation";
import { list } from "./list";
import { save } from "./save";
import { saveEscalation } from "./saveEscalation";
import { versions } from "./versions";

export const ruleRouter = createTRPCRouter({ escalation, list, save, saveEscalation, versions });
