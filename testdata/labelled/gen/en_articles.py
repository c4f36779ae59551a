# -*- coding: utf-8 -*-
"""Hand-written English article bodies, one block a line. Prefixes as in
zh_articles.py (T title, B byline/dateline, H heading, L list item, C caption,
X flattened table row, S author's own statement, Q quote). All content.
The first word of the kind line says which site profile suits the article."""

ARTICLES = [
("news", """T:City Council Approves $42 Million Plan to Replace Lead Water Pipes
B:By Maria Delgado, Metro Reporter
B:March 14, 2024
The city council voted 9-2 on Tuesday night to fund the replacement of roughly 11,000 lead service lines over the next six years, ending a debate that had stretched across three budget cycles.
The pipes, most of them installed before 1950, connect water mains to individual homes. Testing last summer found lead levels above the federal action level in about 4 percent of sampled households.
"This is not a problem we can keep handing to the next council," said council member Janet Okafor, who sponsored the measure. "Every year we wait, kids are drinking from these lines."
H:Who pays
About two-thirds of the money will come from a federal infrastructure grant, with the rest drawn from water utility reserves. Homeowners will not be charged for the work on their side of the property line, a change from an earlier proposal that would have split costs.
The two dissenting members said they supported the goal but worried that reserves would be drained before a planned treatment plant upgrade.
H:What happens next
Crews are expected to begin in the Eastgate and Riverside neighborhoods in June, where the oldest pipes are concentrated. Residents will receive letters at least 30 days before work starts on their block.
Utility officials recommend that households with lead lines run the tap for two minutes before drinking and use filters certified for lead removal until replacement is complete."""),

("blog", """T:What I Learned From a Year of Baking Sourdough Every Weekend
B:Posted by Hannah Reed
Last January I made a resolution that, for once, I actually kept: bake one loaf of sourdough every weekend for a year. Fifty-two loaves later, here is what stuck with me.
H:The starter is more forgiving than the internet says
I read so many warnings about feeding schedules that I was scared to leave the house. In reality my starter survived a two-week vacation in the fridge, a heat wave, and one memorable week when I forgot it behind the toaster. A couple of feedings brought it right back.
H:Temperature matters more than timing
Recipes give times, but dough responds to warmth. In winter my bulk fermentation took nearly eight hours; in July it was done in four. Once I started watching the dough instead of the clock, my loaves got far more consistent.
H:Write everything down
I kept a small notebook with flour brand, hydration, room temperature and how the crumb turned out. Around loaf twenty I could finally see patterns, like the fact that anything above 78 percent hydration turned into a pancake in my oven.
H:The mistakes were the best part
My worst loaf, a dense gray brick from week nine, taught me more than any of the good ones. I had used a starter that was past its peak, and I never made that mistake again.
S:None of this is professional advice; I'm a hobbyist with a secondhand Dutch oven. But if you've been thinking about starting, this is your sign."""),

("recipe", """T:Weeknight Lemon Garlic Chicken Thighs
B:Prep 10 min · Cook 30 min · Serves 4
These chicken thighs come out crisp-skinned and juicy with almost no effort, and the pan sauce is good enough to drink. I make them at least twice a month.
H:Ingredients
L:8 bone-in, skin-on chicken thighs
L:1 teaspoon kosher salt, plus more to taste
L:1/2 teaspoon black pepper
L:1 tablespoon olive oil
L:6 garlic cloves, smashed
L:1 lemon, thinly sliced, plus juice of half a lemon
L:1/2 cup low-sodium chicken stock
L:2 tablespoons cold butter
L:A handful of chopped parsley
H:Instructions
L:1. Heat the oven to 425°F. Pat the chicken very dry and season both sides with salt and pepper.
L:2. Heat the oil in a large oven-safe skillet over medium-high heat. Lay the thighs skin-side down and cook without moving them for 8 to 10 minutes, until the skin is deep golden.
L:3. Flip the chicken, scatter the garlic and lemon slices around it, and transfer the skillet to the oven for 15 to 18 minutes.
L:4. Move the chicken to a plate. Set the skillet over medium heat, add the stock and lemon juice, and scrape up the browned bits. Swirl in the butter off the heat.
L:5. Spoon the sauce over the chicken and finish with parsley.
If you only have boneless thighs, reduce the oven time to about 10 minutes and check that the thickest piece reaches 175°F."""),

("docs", """T:Configuring Connection Pooling
This guide explains how the client library manages database connections and how to tune the pool for your workload.
H:Overview
By default, each client keeps a pool of up to 10 open connections per host. When a query is issued, the client borrows an idle connection, runs the query, and returns the connection to the pool. If all connections are busy, the request waits until one is released or the acquire timeout expires.
H:Configuration options
L:max_connections: the maximum number of open connections per host. Default: 10.
L:min_idle: the number of idle connections kept warm. Default: 2.
L:acquire_timeout: how long a request waits for a free connection before failing, in milliseconds. Default: 5000.
L:max_lifetime: connections older than this are closed and replaced. Default: 30 minutes.
H:Choosing a pool size
A larger pool is not always faster. Most databases perform best when the total number of active connections is close to a small multiple of their CPU core count. If you run many application instances, remember that their pools add up.
As a starting point, set max_connections to the number of concurrent requests a single instance is expected to serve, then measure queue time under load.
H:Troubleshooting
If you see frequent acquire timeouts, first check for queries that hold connections for a long time, such as transactions left open across network calls. Increasing the pool size only hides the underlying problem.
Note: changes to pool settings take effect when the client is restarted. Existing connections are not resized in place."""),

("review", """T:Aurora X2 Robot Vacuum Review: Great Mapping, Mediocre Mop
B:Reviewed by Tom Brennan | Updated April 2, 2024
The Aurora X2 is the mid-range model in the company's lineup, and on paper it has everything: lidar navigation, a self-emptying base, and a vibrating mop pad. After three weeks in a two-story house with a shedding dog, I came away mostly impressed.
H:Design and setup
The base station is tall but narrow and fits beside a bookshelf without much trouble. Setup through the app took about ten minutes, including the first mapping run, which covered 1,100 square feet in 18 minutes.
H:Cleaning performance
On hard floors the X2 picked up nearly all of the rice and cereal I scattered in my standard test, missing only a few grains tucked against the baseboard. On medium-pile carpet it boosted suction automatically and pulled up a surprising amount of dog hair.
The mop is the weak spot. It handles light dust and paw prints but leaves dried coffee drips largely untouched, and it cannot lift itself when crossing rugs, so you need to set no-mop zones.
H:Battery and noise
A full charge lasted about 140 minutes on the standard setting. The self-empty cycle is loud, roughly as loud as a hair dryer, for about ten seconds.
X:Spec | Aurora X2 Suction | 5,000 Pa Runtime | up to 150 min Bin capacity | 0.4 L (3 L in base) Price at launch | $549
H:Verdict
If you mostly have hard floors and carpets and want reliable mapping, the X2 is a strong buy at its current price. If mopping matters to you, look at models with a lifting or rotating mop."""),

("forum", """T:Car hesitates when accelerating from a stop, no check engine light
My 2014 sedan (about 128k miles) has started hesitating for a second or two when I accelerate from a complete stop. It feels like the engine bogs down and then suddenly catches. It's worse when the engine is cold. No check engine light and no codes on my cheap scanner.
Things I've already done: new spark plugs last month, cleaned the MAF sensor, and replaced the air filter. Any ideas what to look at next?
Sounds like it could be the throttle body. On that engine they get a carbon ring around the plate that causes exactly this kind of stumble off idle. A can of throttle body cleaner and a toothbrush is a cheap first step.
I'd also check the transmission fluid. If it's an automatic with original fluid at 128k, a slipping or slow torque converter can feel like hesitation.
Update: cleaned the throttle body this morning and the difference is night and day. There was a thick black ring around the edge. Thanks everyone, I'll report back if it comes back.
Glad it worked. Just a heads up, after cleaning some cars need an idle relearn procedure, so if the idle is high for a few days that's why."""),

("news", """T:Heat Wave Pushes Power Grid to Record Demand as Officials Urge Conservation
B:By Kevin Shaw and Priya Natarajan
B:PHOENIX, July 18 —
Electricity demand across the region hit an all-time high on Wednesday afternoon as temperatures climbed past 115 degrees for the sixth straight day, prompting grid operators to ask residents to limit use of large appliances during peak hours.
The regional operator said demand peaked just before 6 p.m., about 3 percent above the previous record set last August. No rolling outages were ordered, but reserves fell to their thinnest margin of the summer.
"We are managing, but there's not a lot of slack in the system right now," a spokesperson said at an evening briefing.
H:Health concerns mount
County health officials have confirmed at least 14 heat-related deaths this month, and emergency rooms reported a sharp rise in visits for heat exhaustion. Cooling centers at libraries and community buildings extended their hours through the weekend.
Outreach teams have been distributing water and checking on people living outside, who account for a large share of heat deaths in the county each year.
C:A worker hands out bottles of water outside a cooling center downtown on Wednesday afternoon.
H:Relief not expected soon
Forecasters said a high-pressure system would keep temperatures above 110 through at least Monday, with overnight lows barely dipping below 90, giving homes and people little chance to cool down."""),

("blog", """T:Why I Switched From a Standing Desk Back to Sitting (Mostly)
B:by Marcus Lee
Four years ago I bought an expensive motorized standing desk, convinced it would fix my back pain and make me more productive. This spring I lowered it and have barely raised it since. Here's why.
Standing all day did not feel better. After about an hour my feet ached, and I caught myself shifting my weight from one hip to the other in a way that made my lower back worse, not better.
What actually helped was moving more often, not standing more. I now set a timer for every 45 minutes and take a short walk, refill my water, or do a few stretches.
H:What I'd tell someone buying one today
L:Don't expect the desk to change your habits on its own.
L:Get an anti-fatigue mat if you plan to stand for more than a few minutes.
L:Alternate positions; the best posture is the next one.
L:Spend money on a good chair first.
I still think the desk was a reasonable purchase. I use it standing for video calls, which oddly makes me more energetic in meetings. But it was never the magic fix I'd hoped for."""),

("recipe", """T:Classic Buttermilk Pancakes
B:Makes about 12 pancakes
These are the tall, tender diner-style pancakes I grew up eating on Sunday mornings. The secret is not overmixing the batter and letting it rest for a few minutes.
H:You will need
L:2 cups all-purpose flour
L:2 tablespoons sugar
L:1 1/2 teaspoons baking powder
L:1/2 teaspoon baking soda
L:1/2 teaspoon salt
L:2 cups buttermilk
L:2 large eggs
L:3 tablespoons melted butter, plus more for the pan
H:Method
Whisk the dry ingredients in a large bowl. In another bowl, whisk the buttermilk, eggs and melted butter. Pour the wet ingredients into the dry and stir gently with a spatula until just combined; a few lumps are fine.
Let the batter rest for 5 to 10 minutes while the griddle heats over medium-low. Lightly butter the surface and pour about 1/4 cup of batter per pancake.
Cook until bubbles form on the surface and the edges look set, about 2 minutes, then flip and cook 1 minute more.
No buttermilk? Stir 2 tablespoons of lemon juice into 2 cups of milk and let it sit for 10 minutes."""),

("docs", """T:Getting Started with the CLI
B:Last updated: 2024-01-22
The command-line interface lets you create projects, run builds and deploy from your terminal. This page walks through installation and your first deployment.
H:Install
The CLI is distributed as a single binary for Linux, macOS and Windows. Download the archive for your platform, extract it, and place the binary somewhere on your PATH.
To check that the installation worked, run the version command. It should print the version number and the build date.
H:Authenticate
Run the login command and follow the link it prints to authorize the CLI in your browser. The token is stored in your user configuration directory and is valid for 30 days.
In CI environments, set the API token as an environment variable instead of logging in interactively.
H:Create and deploy a project
L:1. Run init in an empty directory to create a starter configuration file.
L:2. Edit the file to set your project name and region.
L:3. Run deploy. The CLI uploads your files, builds them remotely and prints the URL of the new deployment.
Warning: deploy uploads every file in the directory that is not listed in the ignore file. Make sure secrets such as .env files are excluded before your first deployment."""),

("review", """T:The Pinewood Trail 2 Is the Hiking Boot I'd Buy With My Own Money
B:By Alicia Gomez
I've put about 180 miles on the Pinewood Trail 2 since October, across muddy river trails, rocky ridgelines and one very wet weekend in the mountains. They are not perfect, but they are the most comfortable boots I've tested this year.
H:Fit and comfort
The toe box is roomier than the original Trail, which fixed the pinching I felt on long descents. They needed almost no break-in; my first hike was a 9-mile loop and I finished without a single hot spot.
H:Waterproofing
The waterproof membrane held up through several stream crossings, as long as the water stayed below the top of the tongue. The trade-off is heat: on a 75-degree day my feet were noticeably sweaty.
H:Durability
After four months the outsole lugs show mild wear at the heel, and one lace hook has loosened slightly. The upper still looks nearly new.
Q:"I'd happily take a little less breathability in exchange for dry feet in shoulder season."
Overall, at $165 they're not cheap, but they're a solid choice for hikers who want a light boot that works out of the box."""),

("forum", """T:Best way to learn SQL as a complete beginner?
I'm an accountant and I keep hearing that SQL would make my life easier, especially with the exports we get from our ERP system. I have zero programming experience. Where should I start, and how long does it realistically take to get useful?
Honestly, you can get useful in a couple of weekends. Learn SELECT, WHERE, GROUP BY, and JOIN, in that order. Those four cover most of what you'll do with reporting data.
I'd recommend installing SQLite and loading one of your own CSV exports into it. Practicing on data you understand makes it click much faster than toy examples about pets and orders.
Seconding the above. Also, don't skip learning how NULL behaves. It trips everyone up at first, especially in comparisons and counts.
Thanks, this is really helpful. I loaded last month's AP export and already answered a question in ten minutes that used to take me an hour with pivot tables."""),

("news", """T:Regional Airline to Resume Service to Three Small Airports After Pilot Shortage Eases
B:By Daniel Fox
B:Published May 6, 2024
A regional carrier that cut flights to several rural communities last year announced Monday that it will restore daily service to three of them starting in August, citing improved pilot hiring.
The airline suspended the routes in early 2023, saying it could not staff them reliably. Local officials said the loss had hurt tourism and made it harder for residents to reach medical appointments in larger cities.
The carrier said it hired more than 200 pilots over the past year, helped by a partnership with two flight schools that guarantees interviews for graduates.
H:Federal subsidies
Two of the three airports are part of a federal program that subsidizes air service to small communities. The Transportation Department had set a deadline for the airline to either restore flights or allow other carriers to bid.
"We fought hard for this," said the mayor of one of the towns. "For a lot of families here, the nearest specialist is a five-hour drive away."
The airline did not say whether it would restore service to two other communities it dropped at the same time."""),

("blog", """T:A Beginner's Guide to Birdwatching in Your Own Backyard
B:Written by Ellen Park
You don't need a plane ticket or expensive gear to start birdwatching. Some of my favorite sightings have happened through my kitchen window while the coffee brewed.
H:Start with what's already there
Spend a week just noticing which birds visit and when. Most backyards have a few regulars, and learning to recognize them by shape and behavior makes newcomers easier to spot.
H:Get a decent pair of binoculars
An 8x42 pair is the usual recommendation for beginners: bright, easy to hold steady, and with a wide field of view. You don't need to spend a fortune; many mid-priced pairs are excellent.
H:Offer food, water and cover
A tube feeder with black oil sunflower seed will attract a wide variety of species. A shallow birdbath often draws even more visitors than food, especially in summer. Native shrubs give birds somewhere safe to land.
H:Keep a simple list
I write down the date, the species and anything interesting I noticed. Looking back over a year of notes, I can see which species arrive in spring and which disappear in winter.
The most important thing is patience. Some days nothing shows up. Other days a hawk lands on the fence and stares at you, and you remember why you started."""),

("recipe", """T:One-Pot Red Lentil Soup
B:Vegan · Ready in 40 minutes
This soup is my answer to cold evenings and empty fridges. Almost everything comes from the pantry, and it tastes even better the next day.
H:Ingredients
L:2 tablespoons olive oil
L:1 large onion, diced
L:2 carrots, diced
L:3 garlic cloves, minced
L:1 tablespoon ground cumin
L:1 teaspoon smoked paprika
L:1 1/2 cups red lentils, rinsed
L:1 can (14 oz) diced tomatoes
L:6 cups vegetable broth
L:Juice of 1 lemon
H:Directions
Warm the oil in a large pot over medium heat. Add the onion and carrots and cook until soft, about 8 minutes. Stir in the garlic and spices and cook for one minute until fragrant.
Add the lentils, tomatoes and broth. Bring to a boil, then lower the heat and simmer for 20 to 25 minutes, until the lentils have collapsed.
Blend about half of the soup with an immersion blender for a creamy texture while keeping some body. Stir in the lemon juice and season with salt.
Tip: a spoonful of yogurt and a drizzle of chili oil on top makes it feel like a restaurant dish."""),

("docs", """T:Rate Limits
All API endpoints are rate limited to protect the service and ensure fair use. This page describes the limits and how to handle them in your code.
H:Default limits
X:Plan Requests per minute Requests per day Burst Free 60 10,000 10 Standard 600 500,000 50 Enterprise custom custom custom
Limits are applied per API key. Requests from multiple keys belonging to the same account are counted separately.
H:Response headers
Every response includes headers that tell you how many requests remain in the current window and when the window resets, expressed as a Unix timestamp.
H:Handling 429 errors
When you exceed a limit, the API responds with status 429 and a Retry-After header giving the number of seconds to wait. Clients should pause for at least that long before retrying.
We recommend exponential backoff with jitter: double the wait after each consecutive failure and add a small random delay so that many clients do not retry at the same moment.
Batch endpoints count as a single request regardless of how many items they contain, so they are the most efficient way to process large volumes."""),

("review", """T:Kestrel 14 Laptop Review: A Quiet Workhorse With One Big Flaw
B:By Sam Whitaker · 9 min read
The Kestrel 14 aims squarely at people who want a thin, silent laptop for office work and light photo editing. In most respects it succeeds. In one, it stumbles badly.
H:Performance
In everyday use, with dozens of browser tabs, a spreadsheet and a video call running at once, the Kestrel never felt slow. The fan stayed off for most of my testing and only became audible during a long video export.
H:Display
The 14-inch screen is bright and sharp, with accurate colors out of the box. Reflections are well controlled for a glossy panel.
H:The flaw: battery life
The company claims up to 15 hours. In my rundown test, which loops web pages at 200 nits, it lasted 7 hours and 40 minutes. Under real work with video calls, I rarely got past six hours.
H:Should you buy it?
If you work near an outlet, the Kestrel 14 is a pleasure to use. If you need a full day away from a charger, there are better options at the same price."""),

("forum", """T:Tomato plants getting yellow leaves from the bottom up
First year growing tomatoes in raised beds. The plants are about three feet tall and loaded with green fruit, but the lowest leaves are turning yellow with brown spots and then dying. It's slowly moving up the plant. Photos attached. Is this a disease or am I watering wrong?
From the photos that looks like early blight. The target-like rings on the spots are the giveaway. It starts on the lower leaves because soil splashes onto them when you water.
Pull off the affected leaves and throw them in the trash, not the compost. Water at the base of the plant in the morning instead of overhead, and add a layer of mulch so soil doesn't splash up.
Agree with early blight. It rarely kills the plant outright if you stay on top of it, and you'll probably still get a decent harvest. Next year rotate where you plant tomatoes if you can.
Thank you! I removed about a dozen leaves and put down straw mulch. Will update in a couple of weeks."""),

("news", """T:School District Extends Four-Day Week Pilot Despite Mixed Test Results
B:By Rachel Kim, Education Writer
The school board voted Thursday to continue a four-day school week at six rural schools for another two years, even as a district report showed mixed effects on student achievement.
Under the schedule, students attend Monday through Thursday with longer days. Fridays are used for optional tutoring, sports and staff training.
The report found reading scores roughly unchanged compared with similar schools, while math scores dipped slightly in the upper elementary grades. Teacher turnover at the pilot schools fell by nearly half.
"Our biggest problem five years ago was that we couldn't keep teachers," the superintendent told the board. "This has changed that."
Some parents have raised concerns about child care on Fridays. The district said it would expand its Friday program to include supervised activities for younger children starting in the fall.
Board members asked staff to return next year with a closer look at math results and attendance."""),

("blog", """T:Notes From My First Month Learning to Draw
B:Nina Alvarez | Sketchbook Diaries
I'm thirty-six and I have never been able to draw a convincing cat. A month ago I decided to change that, armed with a cheap sketchbook and a mechanical pencil.
Week one was humbling. I followed a popular book's exercises on drawing simple shapes and was shocked at how hard it was to make a circle look like a ball instead of a flat disk.
By week two I was drawing my coffee mug every morning. The first attempts looked like a melting bucket. By Friday the ellipses were starting to line up.
H:Things that helped
L:Drawing for twenty minutes a day instead of two hours on Sunday.
L:Copying master drawings to see how other artists simplify forms.
L:Dating every page so I can see progress on bad days.
I still can't draw a convincing cat. But I can draw a mug, a houseplant, and a pretty respectable pair of sneakers, and I'm having more fun than I expected."""),

("recipe", """T:Crispy Roasted Potatoes
B:Side dish · Serves 6
There are a hundred ways to roast potatoes, but this method gives the crunchiest edges I've ever managed at home. The trick is a short boil with a pinch of baking soda.
L:3 pounds Yukon Gold potatoes, peeled and cut into large chunks
L:1/2 teaspoon baking soda
L:1/3 cup olive oil or duck fat
L:4 garlic cloves and a few rosemary sprigs
L:Flaky salt
Heat the oven to 450°F. Boil the potatoes in salted water with the baking soda for about 10 minutes, until the outsides are soft but the centers are still firm.
Drain well, then shake them in the pot to rough up the surfaces. This creates a starchy paste that turns into a crackly crust.
Toss with the hot oil, garlic and rosemary, spread on a baking sheet, and roast for 40 to 50 minutes, turning once halfway through.
Season with flaky salt as soon as they come out of the oven."""),

("docs", """T:Migrating From Version 2 to Version 3
Version 3 introduces a new configuration format and removes several deprecated functions. Most projects can be migrated in under an hour.
H:Breaking changes
L:The legacy INI configuration format is no longer supported. Use YAML or TOML instead.
L:The connect function now returns an error instead of raising an exception on timeout.
L:The default log level changed from debug to info.
L:Python 3.7 support has been dropped; the minimum supported version is 3.9.
H:Step-by-step migration
Start by upgrading to the latest 2.x release and running your test suite with deprecation warnings enabled. Fix every warning before moving on; each one points to an API that was removed in version 3.
Next, convert your configuration file. The project ships a small conversion script that reads the old format and writes the new one, preserving comments where possible.
Finally, upgrade the package and run your tests again. If something that used to raise an exception now returns an error value, update the calling code to check it.
If you run into problems that this guide does not cover, please open an issue with a minimal example."""),

("review", """T:Breville vs. De'Longhi: Which Entry-Level Espresso Machine Is Worth It?
B:By Jordan Miles
I spent six weeks pulling shots on two of the most popular entry-level espresso machines. Both can make good coffee. Which one is right depends on how much you want to fiddle.
H:Ease of use
The De'Longhi is simpler out of the box: fill the tank, lock in the portafilter, press a button. The Breville has more settings, including temperature control and a pressure gauge, which is great once you know what you're doing and a bit intimidating at first.
H:Milk steaming
Here the Breville wins clearly. Its steam wand produced silky microfoam suitable for latte art after a few days of practice. The De'Longhi's panarello wand makes plenty of foam but it's stiff and bubbly.
H:Shot quality
With fresh beans and a good grinder, both machines produced balanced shots. The Breville was more consistent from shot to shot, likely due to its steadier temperature.
My recommendation: if you mostly drink straight espresso and want the easiest path, go De'Longhi. If milk drinks are your thing, the extra money for the Breville is well spent."""),

("forum", """T:Is it worth replacing a 10-year-old furnace that still works?
Our furnace is a 2013 mid-efficiency unit. It still runs fine, but we just had an HVAC tech over for a tune-up and he spent twenty minutes pitching a new high-efficiency system with a heat pump. Quote was around $14,000. Is this a good idea or a sales pitch?
Ten years is not old for a furnace. Many last 20 or more with basic maintenance. If it's running safely and your bills aren't crazy, I wouldn't replace it just because someone offered.
The heat pump part is where it might make sense, depending on your climate and electricity prices. There are also rebates and tax credits in a lot of places that can take a big chunk off that price. Get at least two more quotes.
Also ask him to show you what's actually wrong with the current unit, if anything. A good tech will be happy to walk you through it.
We got two more quotes and both said the furnace is in good shape. Going to hold off for now. Thanks for the sanity check."""),

("news", """T:Archaeologists Uncover Roman-Era Road Beneath Town Car Park
B:By Eleanor Hughes
B:Published 11 September 2023
Excavations ahead of a new housing development have revealed a well-preserved stretch of Roman road beneath a car park in the town centre, archaeologists said on Monday.
The road, about six metres wide, is built from layers of compacted gravel and flint and shows clear wheel ruts. Pottery found alongside it suggests it was in use from the late first century to the fourth century.
Q:"We knew a road ran somewhere through this area, but we didn't expect it to survive so well," said the site director. "You can still see where carts wore grooves into the surface."
Volunteers from the local history society have been helping to sift soil, and the team has also recovered coins, a bronze brooch and fragments of glass.
C:Archaeologists clean the surface of the Roman road, with wheel ruts visible in the foreground.
The developer has agreed to redesign part of the scheme so that a section of the road can be preserved and displayed under glass in a new public square."""),

("blog", """T:How We Paid Off $38,000 of Debt in Three Years
B:by Chris and Dana Holt
When we got married we had two car loans, a credit card balance we didn't like talking about, and one remaining student loan. The total was just over $38,000. This is what worked for us and what didn't.
H:We listed everything
The first step was the most uncomfortable: writing down every debt with its balance, interest rate and minimum payment. Seeing the number on one page was scary, but it also made it feel finite.
H:We picked the highest interest rate first
Some people prefer paying off the smallest balance first for the motivation. We went after the credit card because it was charging 24 percent. It took eleven months, and once it was gone we rolled that payment into the next debt.
H:We cut two big things, not twenty small ones
We tried cutting coffee and streaming services and saved almost nothing. What made the difference was selling one car and moving to a cheaper apartment when our lease ended.
S:We're not financial advisers, and our situation may not look like yours. But if you're staring at a big number right now, it can come down."""),

("recipe", """T:Simple Homemade Tomato Sauce
This is the sauce I make in big batches every August when tomatoes are cheap. It freezes beautifully and tastes nothing like the jarred kind.
L:4 pounds ripe tomatoes
L:1/4 cup olive oil
L:1 onion, halved
L:4 garlic cloves, sliced
L:A few basil leaves
L:Salt to taste
Score an X in the bottom of each tomato and drop them into boiling water for 30 seconds, then into ice water. The skins will slip right off.
Chop the peeled tomatoes roughly and add them to a wide pot with the oil, onion halves and garlic. Simmer uncovered for about 45 minutes, stirring now and then, until thick.
Remove the onion, stir in the basil and season with salt. Use right away or cool and freeze in portions for up to six months."""),

("docs", """T:Authentication Overview
Requests to the API must be authenticated using either an API key or an OAuth 2.0 access token. This page explains when to use each.
H:API keys
API keys are intended for server-to-server calls where the key can be kept secret. Send the key in the Authorization header using the Bearer scheme. Never embed API keys in mobile apps or browser code.
H:OAuth access tokens
Use OAuth when your application acts on behalf of a user. The authorization code flow with PKCE is supported for both web and native applications. Access tokens expire after one hour; use the refresh token to obtain a new one.
H:Scopes
L:read: read-only access to the user's resources.
L:write: create and modify resources.
L:admin: manage account settings and members. Requires approval.
Request only the scopes your application needs. Users are more likely to approve narrow permissions, and a leaked token with limited scope does less damage."""),

("review", """T:Three Months With a Budget E-Reader: Is Cheaper Good Enough?
B:By Leah Morgan
I've used premium e-readers for years, so I was curious whether the cheapest model from a major brand would feel like a downgrade. After three months and eleven books, my answer is: barely.
The screen is slightly less sharp than the premium model's, which I noticed mostly with small fonts. At my normal reading size it looked crisp.
The front light is even, though it lacks the warm-light setting I'd grown used to for reading at night. I found myself turning the brightness down further to compensate.
It isn't waterproof, which matters if you read in the bath or at the pool. Battery life was excellent; I charged it twice in three months.
For anyone who just wants to read books without eye strain, the budget model is more than enough. The premium features are nice, not necessary."""),

("forum", """T:Moving abroad for work with two kids, what do you wish you'd known?
We've been offered a two-year assignment in Germany. Our kids are 7 and 10. We're excited but also overwhelmed. For those who have done something similar, what surprised you?
We moved to the Netherlands when ours were 6 and 9. The first three months were the hardest, especially for the older one, who missed her friends a lot. Keeping video calls with a couple of close friends on a regular schedule really helped.
Think carefully about schooling early. International schools fill up fast and can be very expensive, but local schools may mean a year of struggling with the language. There's no right answer, but decide before you go.
Registering your address, getting a tax ID and opening a bank account can take weeks and each depends on the others. Ask your employer if they provide relocation support for this, it saved us a lot of stress.
This is all so useful, thank you. We're leaning toward a bilingual school and I've started asking HR about relocation help."""),

("news", """T:Researchers Report Progress on Blood Test for Early Detection of Pancreatic Cancer
B:By Dr. Anita Rao, Health Correspondent
A blood test that looks for a panel of proteins correctly identified most early-stage pancreatic cancers in a study of about 1,000 patients, researchers reported, though experts cautioned that larger trials are needed before it could be used in clinics.
Pancreatic cancer is often diagnosed late because it causes few symptoms in its early stages. Only about one in eight patients survive five years after diagnosis.
In the study, the test detected about 85 percent of stage I and II cancers while producing a false positive in roughly 2 percent of people without the disease.
"That false positive rate sounds low, but if you screened millions of healthy people you would still send a lot of them for invasive follow-up," said an oncologist who was not involved in the research.
The team plans a larger study in people at elevated risk, such as those with a family history or newly diagnosed diabetes after age 50."""),

("blog", """T:Ten Years of Running a Small Bookshop
B:Posted by Ruth Adler, owner of Second Chapter Books
This month marks ten years since I unlocked the door of a narrow shop on Mill Street with 3,000 used books and no idea what I was doing. A lot of people said I was crazy. Some days I agreed with them.
The first two years we barely broke even. What turned things around was not a clever marketing idea but the community: a knitting group that met in the back on Tuesdays, a kids' story hour, and a handful of regulars who told everyone they knew.
We started selling new books in year four, which was terrifying because of the upfront cost. It now accounts for more than half of our revenue.
The pandemic nearly closed us. We survived on phone orders, curbside pickup and a neighbor who built us a little shelf outside for free books.
I don't know what the next ten years look like. But every time a child walks out clutching a book they picked themselves, I'm reminded why I opened the door in the first place."""),

("recipe", """T:Overnight Oats, Five Ways
B:Breakfast · 5 minutes of prep
Overnight oats are my weekday lifeline. Mix them in jars before bed and breakfast is waiting in the fridge.
H:The base
Combine 1/2 cup rolled oats, 1/2 cup milk of your choice, 1/4 cup yogurt and 1 tablespoon chia seeds in a jar. Stir, seal and refrigerate at least 6 hours.
H:Variations
L:Apple pie: grated apple, cinnamon, a few chopped walnuts and a drizzle of maple syrup.
L:Peanut butter and banana: a spoonful of peanut butter and half a mashed banana stirred into the base.
L:Berry: frozen mixed berries added the night before; they thaw and turn the oats pink.
L:Tropical: diced mango, toasted coconut and a squeeze of lime.
L:Chocolate: a tablespoon of cocoa powder and a little honey, topped with raspberries.
They keep for up to four days, so I usually make a batch on Sunday night."""),

("docs", """T:Writing Your First Plugin
Plugins extend the editor with new commands, panels and language support. In this tutorial you'll build a plugin that counts the words in the current document and shows the result in the status bar.
H:Project structure
A plugin is a folder containing a manifest file and one or more source files. The manifest declares the plugin's name, version, the commands it contributes and the events that activate it.
H:Registering a command
In the main source file, export an activate function. The editor calls it once when the plugin loads. Inside it, register a command with a unique identifier and a callback that reads the active document's text and counts its words.
H:Updating the status bar
Create a status bar item during activation and update its text whenever the active document changes or is edited. Remember to dispose of the item in the deactivate function to avoid leaking resources.
H:Testing
Run the editor in development mode with your plugin folder loaded. Open any text file and the word count should appear in the bottom right corner.
Once it works, package the plugin with the packaging tool and share the resulting file, or publish it to the marketplace."""),

("review", """T:Alder Noise-Cancelling Headphones: Excellent Sound, Awkward Controls
B:Review by Ben Carter
The Alder headphones cost about half as much as the leading premium models and, in terms of sound and noise cancelling, get surprisingly close.
On a transatlantic flight, the noise cancelling removed almost all of the engine drone. Voices and clattering trolleys still came through, but softened.
Sound is warm and detailed, with a slight boost in the bass that suits pop and electronic music. An app equalizer lets you flatten it if you prefer.
The controls are the problem. Touch gestures on the right earcup are too sensitive; adjusting the headphones on my head often paused the music or skipped a track.
Battery life is rated at 35 hours with noise cancelling on, and that matched my experience over a week of commuting.
If you can live with the fiddly controls, these are a great value."""),

("forum", """T:My sourdough starter smells like nail polish remover, is it ruined?
Started my first starter 9 days ago with whole wheat flour. It was bubbling nicely for a few days, but now it smells strongly of acetone and there's a gray liquid on top. Did I kill it?
Not ruined, just hungry. The acetone smell and the liquid (people call it hooch) mean the yeast has run out of food. Pour off the liquid, discard most of the starter, and feed it more often, maybe twice a day.
Also try feeding at a higher ratio, like 1 part starter to 5 parts flour and 5 parts water. It gives the culture more food to get through before it gets hungry again.
Same thing happened to me in week two. Once it was feeding twice a day it stopped smelling weird within about three days.
Update: fed it twice a day at a bigger ratio and it doubled in six hours today. Smells like yogurt now. Thanks all!"""),

("news", """T:Local Marathon Sets Participation Record as Organizers Add New Course
B:By Luis Ortega, Sports Desk
A record 18,400 runners crossed the start line of the city marathon and half marathon on Sunday, helped by cool weather and a redesigned course that avoided the steep hill that had long been the race's most dreaded section.
The men's race was won in 2 hours, 14 minutes and 5 seconds by a 27-year-old from the host city, the first local winner in more than a decade. The women's winner finished in 2:31:48.
Organizers said medical tents treated fewer runners than in recent years, which they attributed to temperatures in the low 50s and additional water stations.
Q:"I've run this race six times, and this was the first time I didn't walk at mile 20," said one finisher, who completed the marathon in just under four hours.
Road closures will be lifted by 4 p.m., and the city said cleanup crews would work through the evening."""),

("blog", """T:Why I Stopped Using Productivity Apps
B:By Ada Nwosu
At one point I had a to-do app, a habit tracker, a note-taking system with nested tags, a calendar with color codes, and a separate app for tracking my time. I spent so long maintaining them that I stopped getting things done.
Last year I deleted all of them except the calendar and started using a paper notebook. Each morning I write down three things I want to finish that day. That's it.
Some weeks I don't finish all three. But I always know what I'm supposed to be doing, and I no longer spend Sunday evenings reorganizing my system.
I don't think productivity apps are bad. For teams and complex projects they can be essential. But for my own work, the simplest tool turned out to be the one I actually use.
S:Your mileage may vary, of course. This is simply what has worked for me over the past year."""),

("review", """T:We Tested Six Cast Iron Skillets. Here's the One to Buy.
B:By the Kitchen Testing Team
We seared steaks, baked cornbread, fried eggs and simmered tomato sauce in six popular 12-inch cast iron skillets over two weeks. Surprisingly, the most expensive pan did not come out on top.
H:How we tested
Each skillet was seasoned the way its maker recommends, then used for the same set of recipes. We measured how evenly it heated using an infrared thermometer and noted how easily food released.
H:Our favorite
The winner was a mid-priced skillet with a smooth machined cooking surface. It released eggs almost like a nonstick pan after a few uses and heated more evenly than any of the others.
H:Also good
A budget option at about $25 performed nearly as well once its rough factory coating had been built up with a few rounds of seasoning. It's heavier, but it's hard to beat for the price.
Whatever you buy, the most important thing is to use it often. Cast iron gets better every time you cook in it."""),

("forum", """T:Does anyone else find remote meetings more tiring than in-person ones?
I've been fully remote for two years and I've noticed that a day with four video calls leaves me completely drained, way more than a day of in-person meetings used to. Is this just me?
Not just you. Staring at a grid of faces, including your own, is weirdly exhausting. Turning off self-view helped me more than anything else.
I started taking some calls as audio only and walking around while I talk. My manager was fine with it once I asked.
We introduced a rule on my team that meetings end five minutes before the hour. Having even a short break between calls makes a big difference.
These are great. I just turned off self-view for my afternoon meetings and already feel less self-conscious."""),

("news", """T:State Expands Free Community College Program to Adults Over 25
B:By Jennifer Walsh
B:SACRAMENTO —
Adults over 25 without a college degree will be able to attend community college tuition-free starting next fall under a bill signed into law on Friday.
The program previously covered only recent high school graduates. Supporters said the expansion is aimed at workers whose jobs are being changed by automation and who need new skills but cannot afford to stop working.
Students must enroll in at least six credit hours per semester and maintain a 2.0 grade point average. The state estimates that about 40,000 additional students will enroll in the first year.
Critics questioned whether colleges have enough instructors and classroom space to handle the increase. The law includes funding for 300 new faculty positions over three years.
The online application form goes live in March."""),
]

ARTICLES += [
("news", """T:Downtown Bridge Will Close for 18 Months for Seismic Retrofit
B:By Grace Holloway, Transportation Reporter
B:October 2, 2023
The Fourth Street Bridge, which carries about 30,000 vehicles a day over the river, will close to traffic for roughly 18 months beginning in January so crews can strengthen it against earthquakes, state transportation officials announced Monday.
Engineers determined in a 2021 inspection that the bridge's concrete piers could fail in a major earthquake. The $96 million project will wrap the piers in steel jackets and replace the bearings that connect the deck to its supports.
H:Detours and transit
Drivers will be directed to the Harbor Street and Maple Avenue bridges, both of which will get extended signal timing during rush hour. The transit agency plans to add buses on two routes that currently cross the bridge.
Pedestrians and cyclists will be able to use a temporary walkway on the bridge's south side for most of the construction period.
"We know this is a big disruption," the district engineer said. "But the alternative is a bridge that might not be standing after the next big quake."
Business owners on the east side of the river said they worry about losing customers and asked the state to fund signs directing visitors to their shops."""),

("blog", """T:Learning to Swim at 41
B:By Teresa Okonkwo
I grew up in a town without a public pool, and by the time I was an adult, admitting I couldn't swim felt more embarrassing than the fact itself. Last spring I finally signed up for adult lessons.
The first class was six adults standing in the shallow end, clinging to the wall. Our instructor, a retired lifeguard with endless patience, started with something I'd never thought to practice: putting my face in the water and breathing out slowly.
H:Floating was the breakthrough
For weeks I sank like a stone every time I tried to float on my back. The instructor kept saying I was too tense. One evening I finally stopped fighting the water, tipped my head back, and stayed up. I laughed so hard I swallowed half the pool.
H:Where I am now
Eight months later I can swim four lengths of freestyle without stopping, and I go twice a week before work. I'm slow, and my technique would make a coach wince, but I'm no longer afraid of deep water.
If you're an adult who never learned, there are more of us than you think. The lessons were the best money I spent all year."""),

("recipe", """T:Garlicky Sautéed Spinach
B:Side · 10 minutes
This is the vegetable side I make when I have no energy left. It takes ten minutes and goes with almost anything.
L:2 tablespoons olive oil
L:4 garlic cloves, thinly sliced
L:A pinch of red pepper flakes
L:2 large bunches of spinach (about 1 1/2 pounds), washed and dried
L:Salt and a squeeze of lemon
Warm the oil and garlic together in a large pan over medium-low heat, letting the garlic sizzle gently until pale golden, about 2 minutes. Add the pepper flakes.
Raise the heat to medium-high and add the spinach in handfuls, turning with tongs as it wilts to make room for more.
When all the spinach has collapsed, season with salt and a little lemon juice. Serve immediately; it turns watery if it sits."""),

("docs", """T:Backups and Restore
The service takes automatic backups of every database once a day and keeps them for 14 days. This page explains how to restore from a backup and how to take one manually.
H:Automatic backups
Backups run during a low-traffic window that you can choose in the database settings. While a backup is running, performance may be slightly reduced, but the database remains fully available.
H:Point-in-time recovery
On paid plans, write-ahead logs are archived continuously, which lets you restore the database to any second within the retention period, not just to the time of a daily backup.
H:Restoring
L:1. Open the database page and select the Backups tab.
L:2. Choose a backup or enter a timestamp for point-in-time recovery.
L:3. Select whether to restore into a new database or overwrite the existing one.
Restoring into a new database is strongly recommended. It lets you verify the restored data before switching your application over, and it leaves the original untouched if something goes wrong.
Large databases can take several hours to restore. Plan accordingly and test your restore process regularly, not only when you need it."""),

("review", """T:Tidewater Folding Kayak: Clever Design, Real Compromises
B:By Owen Price
A kayak that folds into a box the size of a large suitcase sounds like a gimmick. After a summer of paddling the Tidewater on lakes and a slow river, I think it's a genuine option for people with no storage space, with caveats.
Assembly took me 25 minutes the first time and about 8 minutes once I knew what I was doing. The panels snap together with plastic clips, and the seat straps in at the end.
On flat water it tracks well and feels stable enough for a beginner. In wind and chop it's a different story: the light hull gets pushed around, and I shipped some water over the low sides.
The manufacturer rates the hull for around 20,000 folds. Mine shows slight whitening along the main crease after about 40 trips, which is worth keeping an eye on.
For apartment dwellers who paddle calm water, it's a clever solution. Anyone planning open-water trips should look elsewhere."""),

("forum", """T:Dog suddenly scared of the backyard at night
Our 4-year-old lab has always loved going out in the yard, but for the past two weeks he refuses to go out after dark. He stands at the door shaking and won't budge. During the day he's completely normal. Nothing has changed in the house. Any ideas?
Could be something he heard or smelled out there, like a raccoon or a coyote. Dogs can develop a fear from one bad experience. Try going out with him on a leash with a flashlight and some really good treats.
Check whether a neighbor installed a new motion light or a security camera with a noise. Our dog was terrified of a neighbor's new floodlight that clicked when it turned on.
If it goes on for more than a few more weeks, mention it to your vet. Sudden fear can sometimes be related to vision changes or pain.
You were right about the light. The neighbors put up a motion sensor light that makes a buzzing noise. We've been doing treat walks and he's getting braver."""),

("news", """T:Wildfire Smoke Prompts Air Quality Alerts Across Three States
B:By Hannah Cole and Marcus Webb
Smoke from wildfires burning hundreds of miles to the north drifted across the region on Thursday, turning skies orange and pushing air quality readings into the unhealthy range in dozens of cities.
Officials urged people with asthma, heart disease and other conditions, as well as children and older adults, to stay indoors and keep windows closed. Several school districts moved recess and sports practices inside.
The smoke is expected to linger through the weekend before a shift in winds pushes it east, forecasters said.
H:How to protect yourself
L:Keep windows and doors closed and run air conditioning on recirculate.
L:Use a portable air purifier with a HEPA filter, or build a box-fan filter with a MERV 13 furnace filter.
L:If you must go outside, a well-fitted N95 mask offers much better protection than a cloth mask.
C:Commuters cross a footbridge under a hazy, orange sky on Thursday morning.
Health officials said emergency rooms had not yet seen a large increase in visits but were preparing for one."""),

("blog", """T:The Case for Keeping a Paper Map in Your Car
B:by Daniel Reyes | Road Notes
Last fall I drove into a canyon with no cell signal and a phone that had decided, without telling me, not to download the offline map I'd asked for. I found my way out using a gas station road atlas that had been sliding around my back seat for years.
Since then I've become a bit evangelical about paper maps. They never run out of battery, and they show you the big picture in a way a phone screen can't.
A map also makes you notice things. Looking at the whole region, I've found scenic back roads, lakes and small towns I'd never have seen by following turn-by-turn directions.
I still use my phone for navigation most of the time. But the atlas stays in the car, and I check the route on it before any trip into the backcountry.
S:No sponsorship here; I just really like maps."""),
]

ARTICLES += [
("news", """T:Farmers Turn to Drought-Tolerant Sorghum as Wells Run Dry
B:By Caleb Moreno, Agriculture Reporter
B:GARDEN CITY, Kan. —
For three generations, the Hoffman family grew corn on their 2,400 acres, pumping water from the aquifer beneath their land. This year, for the first time, half of their fields are planted with sorghum.
"The wells just aren't giving what they used to," said Ben Hoffman, 58, standing at the edge of a field of knee-high plants. "Corn needs water we don't have anymore."
The aquifer, which supplies irrigation across much of the High Plains, has dropped by more than 100 feet in parts of western Kansas since the 1950s. In some counties, wells that once pumped 1,000 gallons a minute now produce a fraction of that.
H:A crop with fewer fans
Sorghum uses roughly a third less water than corn and tolerates heat better, but it has traditionally sold for less and has fewer buyers. That is slowly changing as ethanol plants and export markets take more of the grain.
State conservation programs now pay farmers who agree to cut their water use by a set amount over five years. About 180 farms have signed up so far.
Agricultural economists say the shift could help stretch the aquifer's life by decades, though they warn it will not be enough on its own.
C:Ben Hoffman inspects sorghum plants on his farm west of Garden City in late June.
For Hoffman, the decision was less about economics than about the future. "My grandkids are going to want to farm here too," he said."""),

("blog", """T:What I Learned Restoring a 1970s Bicycle
B:Posted by Joel Strand
I found the bike at an estate sale for $30: a steel road bike from the mid-seventies, with flat tires, a rusty chain and handlebar tape that had turned to dust. Six weekends later it's my daily commuter.
H:Start with a full teardown
I took everything apart and laid the pieces out on a bedsheet in the order they came off, taking a photo at every step. Those photos saved me more than once when I couldn't remember which way a spacer went.
H:Rust is usually cosmetic
Most of the rust on the frame came off with aluminum foil dipped in water, which sounds like an internet myth but genuinely works on chrome. The chain was beyond saving, so I replaced it along with the cables and brake pads.
H:Old standards can be tricky
Some parts on older bikes use sizes that are no longer common. The bottom bracket threads turned out to be an unusual standard, and finding a replacement took two weeks of searching.
H:The total cost
Including the purchase price, new tires, chain, cables, bar tape and a few tools, I spent about $210. A comparable new bike would cost several times that, and it wouldn't have the same character.
Riding it for the first time felt like meeting an old friend. There's something satisfying about keeping a well-made thing in use."""),

("recipe", """T:Easy Weeknight Fried Rice
B:Serves 2 · 20 minutes
Fried rice is the best use for leftover rice, and it comes together faster than takeout. The key is cold, day-old rice, which fries up in separate grains instead of turning mushy.
H:Ingredients
L:3 cups cold cooked rice, grains broken up with your fingers
L:2 tablespoons neutral oil
L:2 eggs, beaten
L:3 scallions, sliced, whites and greens separated
L:1 cup frozen peas and carrots
L:2 tablespoons soy sauce
L:1 teaspoon sesame oil
H:Steps
Heat a wok or large skillet over high heat until it just starts to smoke. Add half the oil, pour in the eggs, and scramble quickly. Move them to a plate.
Add the remaining oil, the scallion whites and the frozen vegetables. Stir-fry for two minutes, then add the rice and spread it out. Let it sit for 30 seconds to crisp before tossing.
Add the soy sauce around the edge of the pan so it sizzles, return the eggs, and toss everything together. Finish with sesame oil and the scallion greens.
Leftover chicken, shrimp or tofu can be added with the vegetables."""),

("docs", """T:Environment Variables
Environment variables let you configure your application without changing its code. This page explains how to define them, how they are loaded, and which names are reserved.
H:Defining variables
Variables can be set in the project dashboard or in the configuration file. Values set in the dashboard take priority over those in the file, which makes it easy to override settings for a single environment.
H:Secrets
Mark a variable as secret to encrypt it at rest and hide its value in the dashboard and logs. Secret values can be replaced but never read back once saved.
H:Load order
L:1. Variables from the configuration file.
L:2. Variables set for the environment (production, staging or preview) in the dashboard.
L:3. Variables passed on the command line with the --env flag.
Later sources override earlier ones. Changes take effect on the next deployment; running instances keep the values they started with.
H:Reserved names
Names starting with PLATFORM_ are reserved and set automatically, for example the current region and deployment ID. Attempting to override them results in a validation error."""),

("review", """T:A Month With the Brightwave Smart Thermostat
B:By Nadia Hussein
Smart thermostats promise to cut your heating bill by learning your routine. I installed the Brightwave in my drafty two-bedroom house in January to see whether it would.
Installation took about 40 minutes, most of it spent figuring out which wire was which on my old thermostat. The app's step-by-step guide with photos was genuinely helpful, and the included wall plate covered the paint mark left by the old unit.
For the first week the thermostat mostly watched what I did. By the second week it had picked up that I turn the heat down at night and up around 6:30 in the morning, and it started doing that on its own.
The geofencing feature, which lowers the temperature when everyone's phone leaves the house, worked reliably, though it occasionally thought I'd left when I was in the back garden.
Compared with the same month last year, my gas use dropped about 11 percent, though January was also slightly milder. It's hard to credit the thermostat alone, but it certainly didn't hurt.
If your current thermostat is a basic manual one, the Brightwave is a worthwhile upgrade. If you already program your schedule carefully, the savings will be smaller."""),

("forum", """T:How do you keep a toddler busy on a long flight?
We're flying 11 hours with our 2-year-old next month to visit family. Last time she was a baby and slept most of the way. Now she's a tornado. Any tips from people who've survived this?
Wrap small, cheap toys individually and hand her one every hour. Unwrapping is half the fun. Dollar store stickers were a lifesaver for us.
Book a night flight if you can. We walked the aisle with ours for the first hour after takeoff and then she slept for six hours straight.
Download a few favorite shows onto a tablet and bring kid-sized headphones. No judgment, screen rules go out the window at 35,000 feet.
Snacks, snacks, snacks. Things that take a long time to eat, like raisins or puffs, buy you the most time.
Just got back. The wrapped toys were a huge hit and she slept about five hours. Not perfect, but way better than I feared. Thank you all!"""),

("news", """T:Museum Returns Looted Bronze Sculptures to Their Country of Origin
B:By Sophie Laurent, Culture Correspondent
A major art museum on Wednesday formally returned a set of bronze sculptures that researchers concluded had been taken from a royal palace during a military expedition in the late nineteenth century.
The handover ceremony, attended by officials from both countries, followed two years of research into the objects' history by museum curators and independent historians.
The sculptures, which depict court officials and animals, had been displayed in the museum's African art galleries since they were acquired from a private collector in the 1950s.
Q:"These objects were taken by force. Returning them is not charity, it is correcting a wrong," the museum's director said at the ceremony.
H:A growing movement
Museums across Europe and North America have faced increasing pressure to review how their collections were acquired. Several have returned objects in recent years, while others argue that international law does not require them to.
The returned bronzes will be displayed in a new national museum scheduled to open next year."""),

("blog", """T:Why Our Family Gave Up the Second Car
B:by Alex and Jordan Price
When our second car failed its inspection last spring, the repair estimate was more than the car was worth. Instead of replacing it, we decided to try living with one car for a year. That was fourteen months ago.
The first month was clumsy. We had to actually talk about who needed the car each day, which exposed how little we'd planned before.
Two things made it work. We live a mile from a bus line that runs every fifteen minutes, and one of us bought a used electric bike that handles our hills without arriving at work drenched in sweat.
We've saved roughly $4,800 in insurance, fuel, maintenance and parking. We've also gotten noticeably fitter, and our kids now think the bus is an adventure.
It's not for everyone. If you live somewhere without transit, or you both commute long distances in different directions, a second car may be a necessity. But if you've never questioned it, it's worth running the numbers.
S:We're not car-haters; we still love a road trip. This is just what turned out to work for our family."""),
]
