import { createTRPCRouter } from "../../trpc";
import { accept } from "./accept";
import { create } from "./create";
import { createFromAlert } from "./createFromAlert";
import { createFromExposure } from "./createFromExposure";
import { createFromRecords } from "./createFromRecords";
import { decideExtension } from "./decideExtension";
import { get } from "./get";
import { list } from "./list";
import { openForRecords } from "./openForRecords";
import { requestExtension } from "./requestExtension";
import { sendBack } from "./sendBack";
import { stats } from "./stats";
import { submit } from "./submit";

export const rectificationRouter = createTRPCRouter({
  accept,
  create,
  createFromAlert,
  createFromExposure,
  createFromRecords,
  decideExtension,
  get,
  list,
  openForRecords,
  requestExtension,
  sendBack,
  stats,
  submit,
});
