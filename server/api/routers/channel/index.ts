import { createTRPCRouter } from "../../trpc";
import { list } from "./list";
import { myPreferences } from "./myPreferences";
import { removeContactPoint } from "./removeContactPoint";
import { removePolicy } from "./removePolicy";
import { retry } from "./retry";
import { saveContactPoint } from "./saveContactPoint";
import { saveMyPreferences } from "./saveMyPreferences";
import { savePolicy } from "./savePolicy";
import { test } from "./test";

export const channelRouter = createTRPCRouter({
  list,
  myPreferences,
  removeContactPoint,
  removePolicy,
  retry,
  saveContactPoint,
  saveMyPreferences,
  savePolicy,
  test,
});
