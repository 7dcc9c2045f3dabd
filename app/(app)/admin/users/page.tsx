import { UsersAdmin } from "./UsersAdmin";

export const metadata = { title: "账号管理" };

export default function UsersPage() {
  return <UsersAdmin />;
}
