import { Button, PageHeader, Pagination, Select, Table, withQuery } from '../platform/ui/components.js';
import type { MessageKey } from '../platform/ui/i18n/catalogue.js';
import type { Locale } from '../platform/ui/i18n/define.js';
import { Layout } from '../platform/ui/layout.js';
import type { PageContext } from '../platform/ui/page-context.js';
import type { FeedbackComment } from './feedback.repository.js';
import {
  COMMENTS_PAGE_SIZE,
  FEEDBACK_PERIODS,
  type FeedbackOverview,
  type FeedbackPeriod,
  type PageFeedbackSummary,
} from './feedback.service.js';
import { FEEDBACK_PAGES } from './feedback-pages.js';

const periodLabels: Readonly<Record<FeedbackPeriod, MessageKey>> = {
  '30': 'feedback.overview.period_30',
  '90': 'feedback.overview.period_90',
  all: 'feedback.overview.period_all',
};

function formatMoment(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-BE', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Brussels',
  }).format(date);
}

/**
 * `/insights/feedback`: per page the yes and no counts and the share "useful" in the chosen
 * period, as a bar chart and as a table with the same numbers, then the comments newest first.
 * Nothing about visitors is stored, so nothing about them is shown.
 */
export function FeedbackOverviewPage(props: {
  readonly page: PageContext;
  readonly overview: FeedbackOverview;
  readonly period: FeedbackPeriod;
  readonly filterPage: string | null;
  readonly commentsPage: number;
}) {
  const { page, overview, period, filterPage } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('feedback.overview.title')}>
      <PageHeader title={t('feedback.overview.title')} lead={t('feedback.overview.lead')} />
      <form method="get" action="/insights/feedback" class="feedback-filter">
        <Select
          page={page}
          name="period"
          label="feedback.overview.period_label"
          value={period}
          options={FEEDBACK_PERIODS.map((p) => ({ value: p, label: periodLabels[p] }))}
        />
        <Select
          page={page}
          name="path"
          label="feedback.overview.page_filter_label"
          value={filterPage ?? ''}
          optional
          options={[
            { value: '', label: 'feedback.overview.all_pages' },
            ...FEEDBACK_PAGES.map((p) => ({ value: p, label: { text: p } })),
          ]}
        />
        <Button variant="secondary">{t('feedback.overview.apply')}</Button>
      </form>

      <h2>{t('feedback.overview.chart_heading', { period: t(periodLabels[period]).toLowerCase() })}</h2>
      <FeedbackChart page={page} pages={overview.pages} />
      <Table
        page={page}
        id="feedback-table"
        caption="feedback.overview.table_caption"
        rowHeaders
        columns={[
          { key: 'page', label: 'feedback.overview.col_page' },
          { key: 'yes', label: 'feedback.overview.col_yes', numeric: true },
          { key: 'no', label: 'feedback.overview.col_no', numeric: true },
          { key: 'total', label: 'feedback.overview.col_total', numeric: true },
          { key: 'share', label: 'feedback.overview.col_share', numeric: true },
        ]}
        rows={overview.pages.map((p) => ({
          key: p.page,
          cells: [
            <a key="page" href={`${withQuery(page.path, { path: p.page, page: null })}#comments`}>
              {p.page}
            </a>,
            p.yes,
            p.no,
            p.total,
            p.share === null ? t('feedback.overview.no_share') : `${p.share}%`,
          ],
        }))}
      />

      <h2 id="comments">
        {filterPage
          ? t('feedback.overview.comments_heading_page', { page: filterPage })
          : t('feedback.overview.comments_heading')}
      </h2>
      {overview.comments.items.length === 0 ? (
        <p>{t('feedback.overview.comments_empty')}</p>
      ) : (
        <ol class="feedback-comments">
          {overview.comments.items.map((c) => (
            <CommentItem key={c.id} page={page} comment={c} />
          ))}
        </ol>
      )}
      <Pagination
        page={page}
        currentPage={props.commentsPage}
        pageSize={COMMENTS_PAGE_SIZE}
        total={overview.comments.total}
      />
    </Layout>
  );
}

function CommentItem(props: { readonly page: PageContext; readonly comment: FeedbackComment }) {
  const { page, comment } = props;
  const { t } = page;
  return (
    <li class="feedback-comments__item" data-feedback-comment>
      <p class="feedback-comments__meta">
        {t('feedback.overview.comment_meta', {
          date: formatMoment(comment.createdAt, page.locale),
          page: comment.page,
          answer: t(comment.useful ? 'feedback.overview.answer_yes' : 'feedback.overview.answer_no'),
          language: t(
            comment.locale === 'en' ? 'feedback.overview.language_en' : 'feedback.overview.language_nl',
          ),
        })}
      </p>
      <p class="report-text feedback-comments__text">{comment.comment}</p>
    </li>
  );
}

/** Geometry of the chart, in SVG user units (it scales to the column's width). */
const ROW = 36;
const LABEL_WIDTH = 150;
const BAR_WIDTH = 330;
// Room after the bars for the longest value text ("100% nuttig (1234 ja, 1234 nee)") at 14 px.
const WIDTH = 780;

/**
 * A horizontal 100 % bar per page: the "yes" part, then the "no" part, with the numbers written
 * beside it (colour is never the only carrier). Drawn in SVG because the content security policy
 * forbids inline styles; for screen readers the image is named by its caption, and the table
 * after it holds the same numbers.
 */
function FeedbackChart(props: {
  readonly page: PageContext;
  readonly pages: readonly PageFeedbackSummary[];
}) {
  const { page, pages } = props;
  const { t } = page;
  const height = pages.length * ROW + 8;
  return (
    <figure class="feedback-chart">
      <figcaption id="feedback-chart-caption" class="feedback-chart__caption">
        {t('feedback.overview.chart_caption')}
      </figcaption>
      <p class="feedback-chart__legend" aria-hidden="true">
        <span class="feedback-chart__swatch feedback-chart__swatch--yes" /> {t('feedback.overview.col_yes')}{' '}
        <span class="feedback-chart__swatch feedback-chart__swatch--no" /> {t('feedback.overview.col_no')}
      </p>
      <svg
        class="feedback-chart__svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby="feedback-chart-caption"
        focusable="false"
      >
        {pages.map((p, index) => {
          const y = index * ROW + 4;
          const yesWidth = p.total === 0 ? 0 : (BAR_WIDTH * p.yes) / p.total;
          const value =
            p.share === null
              ? t('feedback.overview.bar_none')
              : t('feedback.overview.bar_value', { yes: p.yes, no: p.no, share: p.share });
          return (
            <g key={p.page} data-chart-page={p.page}>
              <text class="feedback-chart__label" x={0} y={y + 19}>
                {p.page}
              </text>
              {p.total === 0 ? (
                <rect class="feedback-chart__empty" x={LABEL_WIDTH} y={y} width={BAR_WIDTH} height={24} />
              ) : (
                <>
                  <rect class="feedback-chart__yes" x={LABEL_WIDTH} y={y} width={yesWidth} height={24} />
                  <rect
                    class="feedback-chart__no"
                    x={LABEL_WIDTH + yesWidth}
                    y={y}
                    width={BAR_WIDTH - yesWidth}
                    height={24}
                  />
                </>
              )}
              <text class="feedback-chart__value" x={LABEL_WIDTH + BAR_WIDTH + 10} y={y + 19}>
                {value}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
