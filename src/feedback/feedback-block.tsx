import type { PageContext } from '../platform/ui/page-context.js';
import { isFeedbackPage } from './feedback-pages.js';

/** The id of the block: the redirect after an answer lands here (`#page-feedback`). */
export const FEEDBACK_ANCHOR = 'page-feedback';
/** Longest comment, in characters (mirrors MAX_FEEDBACK_COMMENT; this file must stay I/O-free). */
const MAX_COMMENT = 2000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What the query string says the visitor just did: `?feedback=yes|no|commented[&ref=<id>]`. */
function stateOf(path: string): { answer: 'yes' | 'no' | 'commented'; ref: string | null } | null {
  const query = path.split('?')[1];
  if (!query) return null;
  const params = new URLSearchParams(query.split('#')[0]);
  const answer = params.get('feedback');
  if (answer !== 'yes' && answer !== 'no' && answer !== 'commented') return null;
  const ref = params.get('ref');
  return { answer, ref: answer === 'no' && ref && UUID.test(ref) ? ref : null };
}

/**
 * "Was this information useful?" under a public page, set by `Layout`'s `feedback` prop. Works
 * without JavaScript: two submit buttons and an optional comment behind a disclosure. The form
 * carries no CSRF token, because the pages it sits on are cached for every visitor (the route
 * checks the origin instead; see src/platform/http/csrf.ts). After an answer the page is shown
 * again with `?feedback=…#page-feedback`: the thank-you takes focus (the fragment moves it
 * there; src/client/app.ts too), and a "no" without comment is invited to add one.
 */
export function PageFeedback(props: { readonly page: PageContext; readonly path: string }) {
  const { page, path } = props;
  const { t } = page;
  if (!isFeedbackPage(path)) return null;
  const state = stateOf(page.path);
  return (
    <section class="page-feedback" aria-labelledby="page-feedback-title">
      <div class="container">
        {state ? (
          <div
            id={FEEDBACK_ANCHOR}
            class="page-feedback__thanks"
            role="status"
            tabIndex={-1}
            data-focus-on-load
          >
            <h2 class="page-feedback__title" id="page-feedback-title">
              {t('feedback.thanks_title')}
            </h2>
            <p>
              {t(
                state.answer === 'yes'
                  ? 'feedback.thanks_yes'
                  : state.answer === 'commented'
                    ? 'feedback.thanks_comment'
                    : 'feedback.thanks_no',
              )}
            </p>
            {state.ref && (
              <form method="post" action="/page-feedback" class="page-feedback__form">
                <input type="hidden" name="page" value={path} />
                <input type="hidden" name="useful" value="no" />
                <input type="hidden" name="ref" value={state.ref} />
                <CommentField page={page} label="feedback.invite_label" />
                <button type="submit" class="button button--secondary">
                  {t('feedback.invite_submit')}
                </button>
              </form>
            )}
          </div>
        ) : (
          <form method="post" action="/page-feedback" id={FEEDBACK_ANCHOR} class="page-feedback__form">
            <input type="hidden" name="page" value={path} />
            <h2 class="page-feedback__title" id="page-feedback-title">
              {t('feedback.question')}
            </h2>
            <details class="page-feedback__details">
              <summary>{t('feedback.comment_toggle')}</summary>
              <CommentField page={page} label="feedback.comment_label" />
            </details>
            {/* biome-ignore lint/a11y/useSemanticElements: the question is the section's heading, which names this group; a legend would repeat it. */}
            <div class="page-feedback__buttons" role="group" aria-labelledby="page-feedback-title">
              <button type="submit" name="useful" value="yes" class="button button--secondary">
                {t('feedback.yes')}
              </button>
              <button type="submit" name="useful" value="no" class="button button--secondary">
                {t('feedback.no')}
              </button>
            </div>
          </form>
        )}
      </div>
    </section>
  );
}

function CommentField(props: {
  readonly page: PageContext;
  readonly label: 'feedback.comment_label' | 'feedback.invite_label';
}) {
  const { t } = props.page;
  return (
    <div class="field">
      <label class="field__label" for="page-feedback-comment">
        {t(props.label)}
        <span class="field__optional"> {t('form.optional')}</span>
      </label>
      <p class="field__hint" id="page-feedback-comment-hint">
        {t('feedback.comment_hint')}
      </p>
      <textarea
        class="textarea"
        id="page-feedback-comment"
        name="comment"
        rows={3}
        maxLength={MAX_COMMENT}
        aria-describedby="page-feedback-comment-hint"
      />
    </div>
  );
}
