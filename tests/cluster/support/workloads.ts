// Namespaces for the cluster tests, labelled for Pod Security admission.
import type { ControlPlane } from '../../../tools/cluster/control-plane.ts';

/** Creates the namespace (labelled to enforce the restricted Pod Security Standard), or leaves an existing one. */
export async function createNamespace(plane: ControlPlane, name: string, restricted: boolean): Promise<void> {
  const labels = restricted ? { 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/enforce-version': 'latest' } : {};
  const { status, body } = await plane.api('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
  if (status !== 201 && status !== 409) throw new Error(`creating namespace ${name}: ${status} ${JSON.stringify(body)}`);
}
