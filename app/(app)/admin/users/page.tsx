import { UsersAdmin } from "./UsersAdmin";

export default function UsersPage() {
  return <UsersAdmin />;
}
