import { useEffect } from 'react'

export const SITE_NAME = 'Lambda Foundations'

/** Sets document.title for the current route. */
export function usePageTitle(title: string | null) {
  useEffect(() => {
    document.title = title ? `${title} · ${SITE_NAME}` : `${SITE_NAME}: learn AWS Lambda by running it`
  }, [title])
}
