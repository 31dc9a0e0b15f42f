import { Pagination, Paragraph, usePagination } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/** Page through a list the API pages (`page`, `pageSize`, `total`). Hidden when everything fits on one page. */
export function Pager({
  page,
  pageSize,
  total,
  onChange,
  label,
}: {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
  label?: string;
}) {
  const { t } = useTranslation();
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  const { pages, prevButtonProps, nextButtonProps } = usePagination({
    currentPage: page,
    totalPages,
    showPages: 7,
    setCurrentPage: onChange,
  });
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <div className="stack pager">
      <Paragraph data-size="sm">{t('pagination.summary', { from, to, total })}</Paragraph>
      {totalPages > 1 ? (
        <Pagination aria-label={label ?? t('pagination.label')}>
          <Pagination.List>
            <Pagination.Item>
              <Pagination.Button {...prevButtonProps}>{t('pagination.previous')}</Pagination.Button>
            </Pagination.Item>
            {pages.map(({ page: number, itemKey, buttonProps }) => (
              <Pagination.Item key={itemKey}>
                {typeof number === 'number' ? (
                  <Pagination.Button {...buttonProps} aria-label={t('pagination.page', { page: number })}>
                    {number}
                  </Pagination.Button>
                ) : null}
              </Pagination.Item>
            ))}
            <Pagination.Item>
              <Pagination.Button {...nextButtonProps}>{t('pagination.next')}</Pagination.Button>
            </Pagination.Item>
          </Pagination.List>
        </Pagination>
      ) : null}
    </div>
  );
}
