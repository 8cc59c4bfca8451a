import type { FieldErrors } from '../platform/http/forms.js';
import { ErrorSummary, fieldId, PageHeader, TextareaField } from '../platform/ui/components.js';
import { Layout } from '../platform/ui/layout.js';
import type { PageContext } from '../platform/ui/page-context.js';
import { MAX_FEEDBACK_COMMENT } from './feedback.service.js';

/**
 * The feedback form on a page of its own, shown when a post was refused (an over-long comment,
 * no answer chosen): the error summary, and the comment as typed so nothing is lost.
 */
export function FeedbackFormPage(props: {
  readonly page: PageContext;
  /** The validated page the feedback is about. */
  readonly path: string;
  readonly errors: FieldErrors;
  readonly comment: string;
  readonly ref: string | undefined;
}) {
  const { page, path, errors } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('feedback.form_title')} narrow>
      <PageHeader title={t('feedback.form_title')} lead={t('feedback.form_lead', { page: path })} />
      <ErrorSummary page={page} errors={errors} />
      <form method="post" action="/page-feedback" novalidate>
        <input type="hidden" name="page" value={path} />
        {props.ref && <input type="hidden" name="ref" value={props.ref} />}
        <TextareaField
          page={page}
          name="comment"
          label="feedback.comment_label"
          hint="feedback.comment_hint"
          optional
          value={props.comment}
          rows={6}
          maxLength={MAX_FEEDBACK_COMMENT}
          error={errors.comment}
        />
        <div class={errors.useful ? 'field field--error' : 'field'}>
          <h2 class="page-feedback__title" id="feedback-question">
            {t('feedback.question')}
          </h2>
          {errors.useful && (
            <p class="field__error" id="feedback-useful-error">
              <span class="visually-hidden">{`${t('ui.error_prefix')} `}</span>
              {t(errors.useful)}
            </p>
          )}
          {/* biome-ignore lint/a11y/useSemanticElements: the question is the section's heading, which names this group; a legend would repeat it. */}
          <div
            class="page-feedback__buttons"
            role="group"
            aria-labelledby="feedback-question"
            aria-describedby={errors.useful ? 'feedback-useful-error' : undefined}
          >
            <button
              type="submit"
              name="useful"
              value="yes"
              class="button button--secondary"
              id={fieldId('useful')}
            >
              {t('feedback.yes')}
            </button>
            <button type="submit" name="useful" value="no" class="button button--secondary">
              {t('feedback.no')}
            </button>
          </div>
        </div>
      </form>
      <p>
        <a href={path}>{t('feedback.back_to_page')}</a>
      </p>
    </Layout>
  );
}
