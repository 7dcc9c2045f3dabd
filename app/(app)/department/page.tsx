import { DepartmentWorkspace } from "./DepartmentWorkspace";

export default function DepartmentPage() {
  return <DepartmentWorkspace />;
}
