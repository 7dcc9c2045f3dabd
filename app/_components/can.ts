// The one permission table (server/api/permissions.ts) decides every menu item and
// button: a role never sees what the server would refuse. Pages import can() from here.
export { can } from "@/server/api/permissions";
