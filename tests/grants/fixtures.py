"""Short list pages in the official formats, written for the tests (the structure of the
White House "Clemency Recipient List" pages; the people are invented unless the test says so)."""

MARKDOWN_PAGE = """---
date: '2021-01-19'
source_url: https://trumpwhitehouse.archives.gov/briefings-statements/example-clemency-list/
title: Statement from the Press Secretary Regarding Executive Grants of Clemency
---

Today, President Donald J. Trump granted pardons to 2 individuals and commuted the
sentence of 1 individual.

President Donald J. Trump is pardoning the following 2 individuals:

**Alma Fictional Rivers** – Tulsa, Oklahoma
Alma Rivers is a 60-year-old woman who pleaded guilty at age 25.

**Dorian Q. Placeholder, Jr.**– Reno, Nevada
Mr. Placeholder served his sentence and completed probation.

President Donald J. Trump is commuting the sentences of the following individual:

**Carl Example Stone** **–** Boise, Idaho
**Offense:** Conspiracy to distribute methamphetamine (District of Idaho).
**Sentence:** 120 months of imprisonment (May 1, 2015).
**Commutation Grant:** Sentence commuted to expire on February 19, 2021.
"""

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Clemency Recipient List | The White House</title>
<link rel="canonical" href="https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/2024/12/12/clemency-recipient-list-7/">
<meta property="article:published_time" content="2024-12-12T11:42:52-05:00">
</head><body><main>
<p>Today, President Joseph R. Biden, Jr. is granting clemency consisting of 39 pardons and
1,499 commutations.</p>
<p>President Joseph R. Biden, Jr. is pardoning the following 39 individuals:</p>
<p>NINA SIMONA ALLEN &ndash; Harvest, Alabama<br>Nina Simona Allen is a 49-year-old woman.</p>
<p>ZELDA INVENTED EXAMPLE &ndash; Mobile, Alabama<br>Zelda Example is a teacher.</p>
<p>President Joseph R. Biden, Jr. is commuting the sentences of the following 1,499
individuals:</p>
<table><thead><tr><th>Name</th><th><strong>Reg. No.</strong></th></tr></thead><tbody>
<tr><td>ANTWON ABBOTT</td><td>16383-028</td></tr>
<tr><td>PAT INVENTED ONE<br>LEE INVENTED TWO</td><td>11111-111<br>22222-222</td></tr>
</tbody></table>
</main></body></html>
"""

WARRANT = """Executive Grant of Clemency
**Donald J. Trump**
***President of the United States of America***
To All to Whom These Presents Shall Come, Greeting:
**Be it Known, that This Day, I, Donald J. Trump, President of the
United States, Pursuant to My Powers Under Article II, Section 2, Clause
1, of the Constitution, Have Granted Unto**
Morgan Invented Vale
**A Full and Unconditional Pardon**
"""

CSV_FILE = """name,clemency_type,announcement_date,president,source_url,bop_register_number
Rosa Invented Park,commutation,2016-08-30,Barack Obama,https://www.justice.gov/pardon/obama-commutations,12345-678
Betty Jo Bogans,pardon,2022-04-26,"Joseph R. Biden, Jr.",https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/2022/04/26/clemency-recipient-list/,
"""

# The same kind of page copied from a browser as plain text (no bold, names in mixed case).
PLAIN_TEXT_PAGE = """Clemency Recipient List
Today, President Barack Obama granted commutations of sentence to 2 individuals.

President Barack Obama is commuting the sentences of the following 2 individuals:

Quentin Invented Hale – Tampa, Florida
Offense: Possession with intent to distribute cocaine base; Middle District of Florida.
Vera (Lang) Invented-Moss – Washington, D.C.
Offense: Distribution of heroin - District of Columbia.
"""
