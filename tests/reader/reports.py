"""Short reports written for the tests (invented prose; the grants they refer to are on the
shipped White House lists, the people not on them are invented)."""

# Published the day after the 2024-12-12 list. Errors planted, with the official record:
# - "Nina Simone Allen": the list prints NINA SIMONA ALLEN (pardon, 2024-12-12).
# - "on December 13, 2024": the publication date, not the grant date (2024-12-12).
# - "Betty Jo Boggans ... pardoned on April 24, 2022": Bogans, pardoned 2022-04-26.
# - "pardoned Sergio Acosta": his sentence was commuted (2022-04-26), not pardoned.
# - "Wesley Coonce": WESLEY PAUL COONCE, JR., commuted 2024-12-23 (matches, middle name omitted).
# - "Harriet Q. Nobody": invented, on no list.
NEWS_REPORT = """Dozens granted clemency as the year ends
Published: December 13, 2024

WASHINGTON - President Joe Biden on December 13, 2024 pardoned Nina Simone Allen, a teacher
from Alabama. Advocates said Ms. Allen had waited years.

Earlier grants drew less notice. Betty Jo Boggans of Houston was pardoned on April 24, 2022.
In the same announcement Biden pardoned Sergio Acosta, who had served part of a 97-month term.

Later that month Wesley Coonce's death sentence was commuted. Harriet Q. Nobody, a
spokeswoman for a reentry group, welcomed the news.
"""

# Each program we encode, with dates right and wrong. Official:
# - First Step Act: enacted 2018-12-21 (Pub. L. 115-391) -> written "January 1, 2019": wrong.
# - SBA criminal-background rule (89 FR 34094): effective 2024-05-30 -> right.
# - Marijuana proclamations: signed 2022-10-06 and 2023-12-22 -> "October 6, 2022": right.
# - Article 125 proclamation: signed 2024-06-26 -> "June 25, 2024": wrong.
# - January 6 proclamation: signed 2025-01-20.
PROGRAMS_REPORT = """What changed for people with federal records
Published: March 3, 2025

The First Step Act, which took effect on January 1, 2019, lets many prisoners earn time
credits toward release. Good conduct time is separate and is counted by the Bureau of Prisons.

The SBA rule on criminal records took effect on May 30, 2024. It opened 7(a) loans and 504
loans to more owners with a record, and SBA microloans and disaster loans follow similar
rules; surety bonds are covered too.

The marijuana pardon proclamation signed on October 6, 2022 covered simple possession.
A proclamation signed on June 25, 2024 pardoned certain Article 125 UCMJ convictions.
Those convicted for January 6 were pardoned in 2025. Others may still seek a pardon or a
commutation through the Justice Department.
"""

HTML_REPORT = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Clemency roundup</title>
<meta property="article:published_time" content="2024-12-13T09:00:00Z">
<link rel="canonical" href="https://news.example.org/clemency-roundup">
</head><body>
<nav><a href="/">Home</a> <a href="/politics">Politics</a></nav>
<article><h1>Clemency roundup</h1>
<p>President Biden pardoned KELSIE LYNN BECKLIN, a doctoral student from Minnesota, on
December 13, 2024, according to the announcement.</p>
<p>Ms. Becklin mentors previously incarcerated people who want to go to college, and friends
describe her as a hard worker who cares about others in her community.</p>
</article>
<footer>Copyright The Example News</footer>
</body></html>
"""
