import { IdParams, OpenSectionInput, SectionParams, SiteProfileInput, updateSectionInput } from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { isSensitiveSection } from '../../access/load-section.js';
import { ctxOf } from '../../context.js';
import type { AppDeps } from '../../context.js';
import { notFound, parse } from '../../errors.js';
import { listSections, openSection, readSection, updateSection } from './service.js';
import { setSiteProfile } from './site-profile.js';

/** Sensitive sections of a file and the site minimisation profile (docs/api.md, Sensitive sections). Thin routes (style rule 6). */
export async function sectionRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/api/usagers/:id/sections', async (req) => listSections(ctxOf(req, deps), parse(IdParams, req.params).id));
  app.post('/api/usagers/:id/sections/:section/open', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const { id, section } = parse(SectionParams, req.params);
    return reply.code(201).send(await openSection(ctx, id, section, parse(OpenSectionInput, req.body)));
  });
  app.get('/api/usagers/:id/sections/:section', async (req) => {
    const ctx = ctxOf(req, deps);
    const { id, section } = parse(SectionParams, req.params);
    return readSection(ctx, id, section);
  });
  app.put('/api/usagers/:id/sections/:section', async (req) => {
    const ctx = ctxOf(req, deps);
    const { id, section } = parse(SectionParams, req.params);
    // The body's shape depends on the section: an unknown section has no body to check.
    if (!isSensitiveSection(section)) throw notFound('Section');
    return updateSection(ctx, id, section, parse(updateSectionInput(section), req.body));
  });
  app.put('/api/admin/sites/:id/profile', async (req) => {
    const ctx = ctxOf(req, deps);
    return setSiteProfile(ctx, parse(IdParams, req.params).id, parse(SiteProfileInput, req.body).profile);
  });
}
