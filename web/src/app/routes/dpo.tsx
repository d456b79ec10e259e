export function DpoRoute() {
  return <h1>Journal</h1>;
}
