export function AdminRoute() {
  return <h1>Administration</h1>;
}
