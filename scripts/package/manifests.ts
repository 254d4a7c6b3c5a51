/**
 * The descriptors each format needs at the root of the zip, written from templates (no manifest
 * library fits: the ones on npm build whole packages around their own players).
 *
 * - SCORM 1.2 (ADL SCORM 1.2 CAM, IMS CP 1.1.2): imsmanifest.xml with metadata (schema "ADL SCORM",
 *   schemaversion "1.2"), one organization with one item, `adlcp:masteryscore` (0–100) when the
 *   pack has a mastery score, and one SCO resource (`adlcp:scormtype="sco"`) listing every file.
 * - SCORM 2004 4th edition (CAM 3.4): imsmanifest.xml with schemaversion "2004 4th Edition", one
 *   SCO, and sequencing kept simple: flow and choice at the organization, and the content sets
 *   completion and success itself (deliveryControls completionSetByContent/objectiveSetByContent).
 *   The mastery score stays with the content (a minNormalizedMeasure would make the LMS report
 *   "failed" while the learner is still working: RTE 4.2.22).
 * - cmi5 (Quartz, section 13, CourseStructure.xsd): cmi5.xml with the course and one AU, its
 *   moveOn (CompletedAndPassed with a mastery score, else Completed), masteryScore and launch url.
 *
 * The launch page is `lms.html` (a copy of the app's index.html that opens `#/lms/<pack-id>`);
 * an LMS appends its own query string (cmi5's launch parameters), which a fragment would break.
 */
import type { Pack } from '../../src/lms/pack.ts'

export const LAUNCH_FILE = 'lms.html'
/** The IRI space of our cmi5 course and AU ids (globally unique per pack id). */
export const IRI_BASE = 'https://lambda-foundations.dev/packs/'

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
}

const fileList = (files: readonly string[], indent: string) =>
  files.map((f) => `${indent}<file href="${escapeXml(f)}"/>`).join('\n')

export function scorm12Manifest(pack: Pack, files: readonly string[]): string {
  const t = escapeXml(pack.title)
  const mastery =
    pack.masteryScore === null
      ? ''
      : `\n        <adlcp:masteryscore>${Math.round(pack.masteryScore * 100)}</adlcp:masteryscore>`
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="lambda-foundations-${pack.id}" version="1"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="ORG-1">
    <organization identifier="ORG-1">
      <title>${t}</title>
      <item identifier="ITEM-1" identifierref="SCO-1" isvisible="true">
        <title>${t}</title>${mastery}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="SCO-1" type="webcontent" adlcp:scormtype="sco" href="${LAUNCH_FILE}">
${fileList(files, '      ')}
    </resource>
  </resources>
</manifest>
`
}

export function scorm2004Manifest(pack: Pack, files: readonly string[]): string {
  const t = escapeXml(pack.title)
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="lambda-foundations-${pack.id}" version="1"
    xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
    xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
    xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
    xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="ORG-1">
    <organization identifier="ORG-1" adlseq:objectivesGlobalToSystem="false">
      <title>${t}</title>
      <item identifier="ITEM-1" identifierref="SCO-1" isvisible="true">
        <title>${t}</title>
        <imsss:sequencing>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
      <imsss:sequencing>
        <imsss:controlMode choice="true" flow="true"/>
      </imsss:sequencing>
    </organization>
  </organizations>
  <resources>
    <resource identifier="SCO-1" type="webcontent" adlcp:scormType="sco" href="${LAUNCH_FILE}">
${fileList(files, '      ')}
    </resource>
  </resources>
</manifest>
`
}

export function cmi5Xml(pack: Pack): string {
  const t = escapeXml(pack.title)
  const d = escapeXml(pack.description)
  const mastery = pack.masteryScore === null ? '' : ` masteryScore="${pack.masteryScore}"`
  const moveOn = pack.masteryScore === null ? 'Completed' : 'CompletedAndPassed'
  return `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${IRI_BASE}${pack.id}">
    <title>
      <langstring lang="en-US">${t}</langstring>
    </title>
    <description>
      <langstring lang="en-US">${d}</langstring>
    </description>
  </course>
  <au id="${IRI_BASE}${pack.id}/au" moveOn="${moveOn}"${mastery} launchMethod="AnyWindow">
    <title>
      <langstring lang="en-US">${t}</langstring>
    </title>
    <description>
      <langstring lang="en-US">${d}</langstring>
    </description>
    <url>${LAUNCH_FILE}</url>
  </au>
</courseStructure>
`
}

/**
 * The launch page: the app's index.html, titled for the pack, opening the pack's route before the
 * app starts (the query string the LMS added, cmi5's launch parameters, is kept).
 */
export function launchHtml(indexHtml: string, pack: Pack): string {
  const route = `#/lms/${pack.id}`
  const script = `<script>
      // Lambda Foundations LMS package "${pack.id}": open the pack (an LMS launches this page).
      if (location.hash.indexOf('#/lms/') !== 0)
        history.replaceState(null, '', location.pathname + location.search + '${route}')
    </script>
    `
  const at = indexHtml.search(/<script\b/i)
  const head = indexHtml.search(/<\/head>/i)
  if (head < 0) throw new Error('dist/index.html has no </head>: is it the built app?')
  // Before the app's first script (and after <meta charset>), so it runs before the app starts.
  const where = at >= 0 && at < head ? at : head
  return (indexHtml.slice(0, where) + script + indexHtml.slice(where)).replace(
    /<title>[^<]*<\/title>/i,
    `<title>${escapeXml(pack.title)} · Lambda Foundations</title>`,
  )
}
