// secrets.reloadOnChange: the annotation Stakater Reloader reads on the workload, naming the existing
// Secret, so a key rotated outside Helm rolls the pods.
import { describe, expect, it } from 'vitest';
import { helmMajors } from '../../tools/helm.ts';
import { render, single } from '../support/chart.ts';

describe.each(helmMajors)('secret rotation (%s)', (major) => {
  it('reloadOnChange: the Deployment (not its pods) names the existing Secret for Reloader', async () => {
    const deployment = single(await render(major, { files: ['ci/35-reload-on-secret-change.yaml'] }), 'Deployment');
    expect(deployment.metadata.annotations).toEqual({ 'secret.reloader.stakater.com/reload': 'litellm-secrets' });
    expect(deployment.spec.template.metadata.annotations).not.toHaveProperty('secret.reloader.stakater.com/reload');
    // The Secret it names is the one every secretKeyRef of the proxy reads.
    const refs = deployment.spec.template.spec.containers[0].env.filter((e: any) => e.valueFrom?.secretKeyRef).map((e: any) => e.valueFrom.secretKeyRef.name);
    expect(refs).toContain('litellm-secrets');
  });

  it('off by default: no annotation', async () => {
    const deployment = single(await render(major, { files: ['ci/01-minimal.yaml'] }), 'Deployment');
    expect(deployment.metadata.annotations ?? {}).toEqual({});
  });
});
