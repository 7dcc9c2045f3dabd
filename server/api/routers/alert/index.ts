import { createTRPCRouter } from "../../trpc";
import { acknowledge } from "./acknowledge";
import { assign } from "./assign";
import { assignees } from "./assignees";
import { get } from "./get";
import { list } from "./list";
import { note } from "./note";
import { resolve } from "./resolve";
import { silence } from "./silence";
import { silences } from "./silences";

export const alertRouter = createTRPCRouter({
  acknowledge,
  assign,
  assignees,
  get,
  list,
  note,
  resolve,
  silence,
  silences,
});
