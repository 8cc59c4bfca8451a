import type { ComponentChildren } from 'preact';
import { ButtonLink, PageHeader, Table } from '../platform/ui/components.js';
import type { MessageKey } from '../platform/ui/i18n/catalogue.js';
import { Layout } from '../platform/ui/layout.js';
import type { PageContext } from '../platform/ui/page-context.js';

/**
 * The public pages. They present the integrity policy and link only to pages that exist:
 * the reporting and contact channels are described on the home page, not linked, until they exist.
 */

interface ViewProps {
  readonly page: PageContext;
}

/** A page section with its `h2`; the id lets people link to it. */
function Section(props: {
  readonly page: PageContext;
  readonly id: string;
  readonly heading: MessageKey;
  readonly children: ComponentChildren;
}) {
  return (
    <section class="section">
      <h2 id={props.id}>{props.page.t(props.heading)}</h2>
      {props.children}
    </section>
  );
}

/** A list whose items are whole catalogue entries. */
function KeyList(props: {
  readonly page: PageContext;
  readonly items: readonly MessageKey[];
  readonly ordered?: boolean;
  readonly class?: string;
}) {
  const items = props.items.map((key) => <li key={key}>{props.page.t(key)}</li>);
  return props.ordered ? (
    <ol class={props.class ?? 'list list--numbered'}>{items}</ol>
  ) : (
    <ul class={props.class ?? 'list list--bullet'}>{items}</ul>
  );
}

const values: readonly MessageKey[] = [
  'public.home.value_uprightness',
  'public.home.value_inviolability',
  'public.home.value_incorruptibility',
  'public.home.value_diligence',
  'public.home.value_purity',
  'public.home.value_good_faith',
  'public.home.value_reliability',
  'public.home.value_credibility',
];

const pillars: readonly { href: string; title: MessageKey; text: MessageKey }[] = [
  { href: '/prevention', title: 'nav.prevention', text: 'public.home.pillar_prevention' },
  { href: '/detection', title: 'nav.detection', text: 'public.home.pillar_detection' },
  { href: '/reaction', title: 'nav.reaction', text: 'public.home.pillar_reaction' },
];

const actors: readonly { name: MessageKey; text: MessageKey }[] = [
  { name: 'public.home.actor_staff', text: 'public.home.actor_staff_text' },
  { name: 'public.home.actor_audit', text: 'public.home.actor_audit_text' },
  { name: 'public.home.actor_coordinator', text: 'public.home.actor_coordinator_text' },
  { name: 'public.home.actor_counselors', text: 'public.home.actor_counselors_text' },
  { name: 'public.home.actor_ombudsman', text: 'public.home.actor_ombudsman_text' },
  { name: 'public.home.actor_1700', text: 'public.home.actor_1700_text' },
];

/** `/`: what integrity is, the three pillars, who plays a part, what the platform brings together. */
export function HomePage({ page }: ViewProps) {
  const { t } = page;
  return (
    <Layout page={page} title={t('public.home.title')} feedback="/">
      <PageHeader title={t('public.home.title')} lead={t('public.home.lead')} />
      <Section page={page} id="definition" heading="public.home.definition_heading">
        <p>{t('public.home.definition_intro')}</p>
        <blockquote class="quote">
          <p>{t('public.home.definition')}</p>
        </blockquote>
        <h3>{t('public.home.values_heading')}</h3>
        <KeyList page={page} items={values} class="value-list" />
        <p class="callout">{t('public.home.in_short')}</p>
        <p>{t('public.home.broad')}</p>
      </Section>
      <Section page={page} id="policy" heading="public.home.policy_heading">
        <p>{t('public.home.policy')}</p>
        <p>{t('public.home.instruments')}</p>
      </Section>
      <Section page={page} id="pillars" heading="public.home.pillars_heading">
        <p>{t('public.home.pillars_intro')}</p>
        <ul class="cards">
          {pillars.map((pillar) => (
            <li class="card" key={pillar.href}>
              <h3 class="card__title">
                <a class="card__link" href={pillar.href}>
                  {t(pillar.title)}
                </a>
              </h3>
              <p class="card__text">{t(pillar.text)}</p>
            </li>
          ))}
        </ul>
      </Section>
      <Section page={page} id="actors" heading="public.home.actors_heading">
        <dl class="definitions">
          {actors.map((actor) => (
            <div class="definitions__row" key={actor.name}>
              <dt class="definitions__term">{t(actor.name)}</dt>
              <dd class="definitions__description">{t(actor.text)}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <Section page={page} id="desk" heading="public.home.desk_heading">
        <p>{t('public.home.desk_intro')}</p>
        <KeyList
          page={page}
          items={[
            'public.home.desk_information',
            'public.home.desk_reporting',
            'public.home.desk_contact',
            'public.home.desk_staff',
          ]}
        />
        <p>
          <a href="/report">{t('submit.link_from_public')}</a>
        </p>
      </Section>
    </Layout>
  );
}

const principles: readonly { name: MessageKey; text: MessageKey }[] = [
  { name: 'public.prevention.principle_objectivity', text: 'public.prevention.principle_objectivity_text' },
  { name: 'public.prevention.principle_resources', text: 'public.prevention.principle_resources_text' },
  { name: 'public.prevention.principle_speak', text: 'public.prevention.principle_speak_text' },
  { name: 'public.prevention.principle_customer', text: 'public.prevention.principle_customer_text' },
  { name: 'public.prevention.principle_loyalty', text: 'public.prevention.principle_loyalty_text' },
];

const preventionThemes: readonly { heading: MessageKey; text: MessageKey }[] = [
  { heading: 'public.prevention.gifts_heading', text: 'public.prevention.gifts' },
  { heading: 'public.prevention.conflicts_heading', text: 'public.prevention.conflicts' },
  { heading: 'public.prevention.side_heading', text: 'public.prevention.side' },
  { heading: 'public.prevention.confidentiality_heading', text: 'public.prevention.confidentiality' },
  { heading: 'public.prevention.ict_heading', text: 'public.prevention.ict' },
];

/** `/prevention`: the code of conduct's five principles, common situations, risk analysis, training. */
export function PreventionPage({ page }: ViewProps) {
  const { t } = page;
  return (
    <Layout page={page} title={t('public.prevention.title')} feedback="/prevention">
      <PageHeader title={t('public.prevention.title')} lead={t('public.prevention.lead')} />
      <p>{t('public.prevention.intro')}</p>
      <Section page={page} id="code" heading="public.prevention.code_heading">
        <p>{t('public.prevention.code_intro')}</p>
        <ol class="principles">
          {principles.map((principle) => (
            <li class="principles__item" key={principle.name}>
              <h3 class="principles__name">{t(principle.name)}</h3>
              <p>{t(principle.text)}</p>
            </li>
          ))}
        </ol>
      </Section>
      <Section page={page} id="situations" heading="public.prevention.themes_heading">
        {preventionThemes.map((theme) => (
          <div key={theme.heading}>
            <h3>{t(theme.heading)}</h3>
            <p>{t(theme.text)}</p>
          </div>
        ))}
      </Section>
      <Section page={page} id="risks" heading="public.prevention.risk_heading">
        <p>{t('public.prevention.risk_intro')}</p>
        <KeyList
          page={page}
          items={[
            'public.prevention.area_collect',
            'public.prevention.area_pay',
            'public.prevention.area_grant',
            'public.prevention.area_enforce',
            'public.prevention.area_contract',
            'public.prevention.area_assess',
          ]}
        />
        <p>{t('public.prevention.risk_method')}</p>
      </Section>
      <Section page={page} id="training" heading="public.prevention.training_heading">
        <p>{t('public.prevention.training')}</p>
      </Section>
      <Section page={page} id="lessons" heading="public.prevention.lessons_heading">
        <p>{t('public.prevention.lessons')}</p>
      </Section>
    </Layout>
  );
}

/** `/detection`: who follows up, the duty to report, the channels, protection of reporters. */
export function DetectionPage({ page }: ViewProps) {
  const { t } = page;
  return (
    <Layout page={page} title={t('public.detection.title')} feedback="/detection">
      <PageHeader title={t('public.detection.title')} lead={t('public.detection.lead')} />
      <Section page={page} id="who" heading="public.detection.who_heading">
        <KeyList page={page} items={['public.detection.who_audit', 'public.detection.who_staff']} />
      </Section>
      <Section page={page} id="duty" heading="public.detection.duty_heading">
        <p>{t('public.detection.duty')}</p>
        <p>{t('public.detection.duty_crime')}</p>
      </Section>
      <Section page={page} id="channels" heading="public.detection.channels_heading">
        <p>{t('public.detection.channels_intro')}</p>
        <KeyList
          page={page}
          ordered
          items={[
            'public.detection.channel_colleague',
            'public.detection.channel_manager',
            'public.detection.channel_counselor',
            'public.detection.channel_internal',
            'public.detection.channel_external',
          ]}
        />
        <p>
          <ButtonLink href="/report">{t('submit.link_from_public')}</ButtonLink>
        </p>
      </Section>
      <Section page={page} id="protection" heading="public.detection.protection_heading">
        <p>{t('public.detection.protection_intro')}</p>
        <KeyList
          page={page}
          items={[
            'public.detection.protection_recorded',
            'public.detection.protection_identity',
            'public.detection.protection_involved',
            'public.detection.protection_retaliation',
            'public.detection.protection_anonymous',
          ]}
        />
      </Section>
      <Section page={page} id="citizens" heading="public.detection.citizens_heading">
        <p>{t('public.detection.citizens')}</p>
      </Section>
    </Layout>
  );
}

/** `/reaction`: proportionate reaction, the seven disciplinary sanctions in order, the procedure, aftercare. */
export function ReactionPage({ page }: ViewProps) {
  const { t } = page;
  return (
    <Layout page={page} title={t('public.reaction.title')} feedback="/reaction">
      <PageHeader title={t('public.reaction.title')} lead={t('public.reaction.lead')} />
      <Section page={page} id="process" heading="public.reaction.process_heading">
        <p>{t('public.reaction.process')}</p>
      </Section>
      <Section page={page} id="proportion" heading="public.reaction.proportion_heading">
        <p>{t('public.reaction.proportion_intro')}</p>
        <KeyList
          page={page}
          items={[
            'public.reaction.reaction_talk',
            'public.reaction.reaction_warning',
            'public.reaction.reaction_evaluation',
            'public.reaction.reaction_discipline',
            'public.reaction.reaction_prosecutor',
            'public.reaction.reaction_contract',
          ]}
        />
        <p>{t('public.reaction.suspension')}</p>
      </Section>
      <Section page={page} id="sanctions" heading="public.reaction.sanctions_heading">
        <p>{t('public.reaction.sanctions_intro')}</p>
        <KeyList
          page={page}
          ordered
          class="list list--numbered sanctions"
          items={[
            'public.reaction.sanction_reprimand',
            'public.reaction.sanction_withholding',
            'public.reaction.sanction_suspension',
            'public.reaction.sanction_lower_scale',
            'public.reaction.sanction_demotion',
            'public.reaction.sanction_dismissal',
            'public.reaction.sanction_removal',
          ]}
        />
        <h3>{t('public.reaction.procedure_heading')}</h3>
        <KeyList
          page={page}
          items={[
            'public.reaction.procedure_proposal',
            'public.reaction.procedure_authority',
            'public.reaction.procedure_period',
            'public.reaction.procedure_hearing',
          ]}
        />
      </Section>
      <Section page={page} id="aftercare" heading="public.reaction.aftercare_heading">
        <p>{t('public.reaction.aftercare_intro')}</p>
        <KeyList
          page={page}
          items={[
            'public.reaction.aftercare_reporter',
            'public.reaction.aftercare_victims',
            'public.reaction.aftercare_team',
            'public.reaction.aftercare_person',
          ]}
        />
        <p>{t('public.reaction.discretion')}</p>
        <p>
          {t('public.reaction.lessons')} <a href="/prevention">{t('public.reaction.lessons_link')}</a>
        </p>
      </Section>
    </Layout>
  );
}

/** `/accessibility`: the accessibility statement (status, measures, limits, feedback, enforcement). */
export function AccessibilityPage({ page }: ViewProps) {
  const { t } = page;
  const ombudsmanUrl = t('public.accessibility.ombudsman_url');
  return (
    <Layout page={page} title={t('public.accessibility.title')} feedback="/accessibility">
      <PageHeader title={t('public.accessibility.title')} lead={t('public.accessibility.intro')} />
      <Section page={page} id="status" heading="public.accessibility.status_heading">
        <p>{t('public.accessibility.status')}</p>
      </Section>
      <Section page={page} id="measures" heading="public.accessibility.measures_heading">
        <KeyList
          page={page}
          items={[
            'public.accessibility.measure_keyboard',
            'public.accessibility.measure_no_script',
            'public.accessibility.measure_contrast',
            'public.accessibility.measure_zoom',
            'public.accessibility.measure_forms',
            'public.accessibility.measure_structure',
          ]}
        />
      </Section>
      <Section page={page} id="limits" heading="public.accessibility.limits_heading">
        <KeyList
          page={page}
          items={['public.accessibility.limit_audit', 'public.accessibility.limit_uploads']}
        />
      </Section>
      <Section page={page} id="preparation" heading="public.accessibility.preparation_heading">
        <p>{t('public.accessibility.preparation')}</p>
      </Section>
      <Section page={page} id="feedback" heading="public.accessibility.feedback_heading">
        <p>{t('public.accessibility.feedback')}</p>
        <p>{t('public.accessibility.feedback_response')}</p>
      </Section>
      <Section page={page} id="enforcement" heading="public.accessibility.enforcement_heading">
        <p>{t('public.accessibility.enforcement')}</p>
        <ul class="contact-card">
          <li class="contact-card__name">{t('public.accessibility.ombudsman_name')}</li>
          <li>{t('public.accessibility.ombudsman_address')}</li>
          <li>{t('public.accessibility.ombudsman_phone')}</li>
          <li>
            {`${t('public.accessibility.ombudsman_website')} `}
            <a href={ombudsmanUrl}>{ombudsmanUrl.replace(/^https:\/\//, '')}</a>
          </li>
        </ul>
      </Section>
    </Layout>
  );
}

const cookies: readonly { name: string; purpose: MessageKey; duration: MessageKey }[] = [
  {
    name: 'lang',
    purpose: 'public.privacy.cookie_lang_purpose',
    duration: 'public.privacy.cookie_lang_duration',
  },
  {
    name: 'csrf',
    purpose: 'public.privacy.cookie_csrf_purpose',
    duration: 'public.privacy.cookie_csrf_duration',
  },
  {
    name: 'sid',
    purpose: 'public.privacy.cookie_sid_purpose',
    duration: 'public.privacy.cookie_sid_duration',
  },
  {
    name: 'report_draft',
    purpose: 'public.privacy.cookie_report_draft_purpose',
    duration: 'public.privacy.cookie_csrf_duration',
  },
  {
    name: 'report_session',
    purpose: 'public.privacy.cookie_report_session_purpose',
    duration: 'public.privacy.cookie_report_session_duration',
  },
  {
    name: 'chat',
    purpose: 'public.privacy.cookie_chat_purpose',
    duration: 'public.privacy.cookie_csrf_duration',
  },
  {
    name: 'contact_visitor',
    purpose: 'public.privacy.cookie_contact_visitor_purpose',
    duration: 'public.privacy.cookie_contact_visitor_duration',
  },
];

/** `/privacy`: what is stored and what is not, why, for how long, rights, the DPO, cookies. */
export function PrivacyPage({ page }: ViewProps) {
  const { t } = page;
  return (
    <Layout page={page} title={t('public.privacy.title')} feedback="/privacy">
      <PageHeader title={t('public.privacy.title')} lead={t('public.privacy.intro')} />
      <Section page={page} id="controller" heading="public.privacy.controller_heading">
        <p>{t('public.privacy.controller')}</p>
      </Section>
      <Section page={page} id="data" heading="public.privacy.stored_heading">
        <h3>{t('public.privacy.visitors_heading')}</h3>
        <p>{t('public.privacy.visitors')}</p>
        <h3>{t('public.privacy.reporters_heading')}</h3>
        <p>{t('public.privacy.reporters')}</p>
        <h3>{t('public.privacy.contact_heading')}</h3>
        <p>{t('public.privacy.contact')}</p>
        <h3>{t('public.privacy.staff_heading')}</h3>
        <p>{t('public.privacy.staff')}</p>
      </Section>
      <Section page={page} id="purpose" heading="public.privacy.purpose_heading">
        <p>{t('public.privacy.purpose')}</p>
      </Section>
      <Section page={page} id="access" heading="public.privacy.access_heading">
        <p>{t('public.privacy.access')}</p>
      </Section>
      <Section page={page} id="retention" heading="public.privacy.retention_heading">
        <KeyList
          page={page}
          items={[
            'public.privacy.retention_sessions',
            'public.privacy.retention_cases',
            'public.privacy.retention_audit',
          ]}
        />
      </Section>
      <Section page={page} id="rights" heading="public.privacy.rights_heading">
        <p>{t('public.privacy.rights_intro')}</p>
        <KeyList
          page={page}
          items={[
            'public.privacy.right_access',
            'public.privacy.right_rectification',
            'public.privacy.right_erasure',
            'public.privacy.right_restriction',
            'public.privacy.right_objection',
          ]}
        />
        <p>{t('public.privacy.rights_limits')}</p>
        <p>{t('public.privacy.complaint')}</p>
      </Section>
      <Section page={page} id="dpo" heading="public.privacy.dpo_heading">
        <p>{t('public.privacy.dpo')}</p>
      </Section>
      <Section page={page} id="cookies" heading="public.privacy.cookies_heading">
        <p>{t('public.privacy.cookies_intro')}</p>
        <Table
          page={page}
          id="cookies-table"
          caption="public.privacy.cookies_caption"
          captionHidden
          rowHeaders
          columns={[
            { key: 'name', label: 'public.privacy.cookie_name' },
            { key: 'purpose', label: 'public.privacy.cookie_purpose' },
            { key: 'duration', label: 'public.privacy.cookie_duration' },
          ]}
          rows={cookies.map((cookie) => ({
            key: cookie.name,
            cells: [<code key="name">{cookie.name}</code>, t(cookie.purpose), t(cookie.duration)],
          }))}
        />
      </Section>
    </Layout>
  );
}
