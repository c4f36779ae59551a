# -*- coding: utf-8 -*-
"""Hand-written pools of English junk lines. {n}, {m}, {site} ... are filled in by gen.py."""

NAV = [
    "Home | News | Sports | Business | Opinion | Arts | Travel",
    "Home News Sport Weather iPlayer Sounds",
    "World U.S. Politics Business Tech Science Health Entertainment",
    "Menu", "Search", "Skip to main content", "Skip to content", "Toggle navigation",
    "Recipes Ingredients Occasions Cuisines Kitchen Tips",
    "Docs API Reference Guides Changelog Community Status",
    "Products Solutions Pricing Docs Blog Contact Sales",
    "Deals Reviews Best Lists How To Videos",
    "Forums What's new Members Search forums Log in Register",
    "About Archive Newsletter Shop",
    "Local Crime Politics Weather Traffic Obituaries",
    "Edition: US | UK | International",
]
BREADCRUMB = [
    "Home > News > Local", "Home / Recipes / Dinner / Chicken", "Docs › Guides › Configuration", "Home » Reviews » Laptops",
    "You are here: Home / Blog / Lifestyle", "Forums › Home & Garden › Vegetables", "Home > Health > Cancer", "Reference / API / v3",
    "Home › Tech › Audio", "Community › Automotive › Engine & Drivetrain",
]
ACCOUNT = [
    "Sign in", "Sign In | Register", "Log in", "Subscribe", "Subscribe now", "Create free account", "My account",
    "Open in app", "Get the app", "Sign up", "Already a subscriber? Log in", "Start free trial",
    "Subscribe for $1 a week", "Support independent journalism", "Become a member",
]
COOKIE = [
    "We use cookies to improve your experience. By continuing to browse, you agree to our use of cookies.",
    "This website uses cookies to ensure you get the best experience on our website. Learn more",
    "Accept all cookies", "Manage preferences", "Reject all", "Cookie settings", "Got it!",
    "We and our partners store and access information on your device to deliver personalised ads and content.",
    "By clicking “Accept”, you agree to the storing of cookies on your device to enhance site navigation and analyze usage.",
    "Your privacy choices", "Do Not Sell or Share My Personal Information",
]
NEWSLETTER = [
    "Sign up for our newsletter", "Get the best stories delivered to your inbox every morning.", "Enter your email address",
    "Sign Up", "You're all set! Check your inbox to confirm.", "By signing up you agree to our Terms of Use and Privacy Policy.",
    "Join {n},000+ readers who get our weekly digest.", "Never miss a recipe. Subscribe to our free newsletter.",
    "Get the Morning Briefing", "Thanks for subscribing!", "Unsubscribe at any time.", "No spam, we promise.",
]
RELATED_HEAD = [
    "Related articles", "Related", "More from {section}", "You might also like", "Recommended for you", "Read next",
    "Most popular", "Trending now", "More stories", "Related posts", "Popular recipes", "See also", "Editor's picks",
    "Similar threads", "Top stories", "What to read next", "Don't miss", "Latest news",
]
READ_MORE = ["Read more", "Continue reading", "Load more", "See all", "View more stories", "More »", "Show more", "Keep reading →", "Read the full story"]
SHARE = [
    "Share on Facebook Twitter Email", "Share this article", "Share", "Tweet", "Pin it", "Copy link", "Email Print",
    "Share: Facebook | X | LinkedIn | Reddit", "Save", "Save for later", "Print recipe", "Jump to recipe",
    "Share this story", "Gift this article", "Facebook Twitter Pinterest WhatsApp",
]
AUTHOR_BIO = [
    "About the author", "{name} is a staff writer covering {beat}. She previously worked at a daily newspaper in the Midwest.",
    "{name} has been writing about {beat} for more than a decade. Follow him on social media.",
    "{name} is a freelance writer and home cook based in Portland.", "More by {name}", "View all posts by {name}",
    "Contact the author", "Follow {name}", "{name} is the senior editor for {beat}.",
]
COMMENTS = [
    "{n} Comments", "Leave a reply", "Leave a Reply Cancel reply", "Your email address will not be published. Required fields are marked *",
    "Comment", "Name *", "Email *", "Website", "Post Comment", "Save my name, email, and website in this browser for the next time I comment.",
    "Comments are closed.", "Join the conversation", "Show comments", "Sort by: Newest", "Be the first to comment",
    "Reply", "Report", "Like", "{n} replies", "Log in to comment",
]
FOOTER = [
    "© {year} {site}. All rights reserved.", "Copyright © {year} {site} Inc.", "Privacy Policy | Terms of Service | Accessibility",
    "About Us Contact Careers Advertise", "Terms of Use", "Privacy Policy", "Cookie Policy", "Sitemap", "Contact us",
    "Follow us", "Facebook Instagram YouTube X", "Download our app", "Back to top", "All times are GMT-5.",
    "{site} is part of {parent}, an international media group and leading digital publisher.",
    "Reproduction in whole or in part without permission is prohibited.", "Powered by WordPress", "Theme by {name}",
    "Help Center", "Report a bug", "Status", "Ad Choices", "Site Map | RSS | Contact",
]
ADS = [
    "Advertisement", "ADVERTISEMENT", "Sponsored", "Sponsored Content", "Ad", "Story continues below advertisement",
    "Paid Post", "Promoted", "Presented by {brand}", "Shop now", "Learn more", "Limited time offer: 50% off your first order",
    "This Simple Trick Helps Seniors Cut Their Energy Bill in Half", "Doctors Are Stunned by This Morning Habit",
    "Homeowners Are Replacing Their Roofs With This Instead", "You Won't Believe What These Child Stars Look Like Now",
]
CREDIT = [
    "Photo: Getty Images", "Photo: AP", "(Photo by {name}/Reuters)", "Image credit: {name}", "Photograph: {name}/The Guardian",
    "Credit: Shutterstock", "Photo courtesy of the author", "Illustration by {name}", "Source: company filings", "Photo: {name} for {site}",
]
TAGS = ["Tags: {t1}, {t2}, {t3}", "Filed under: {t1}", "Topics: {t1} · {t2}", "Categories: {t1}, {t2}", "#{t1} #{t2} #{t3}", "Posted in {t1}"]
TAG_WORDS = ["Baking", "Local News", "Water", "Infrastructure", "Climate", "Energy", "Education", "Health", "Travel", "Gardening",
             "Personal Finance", "Productivity", "Laptops", "Audio", "Hiking", "Archaeology", "Running", "Dinner", "Vegan", "API",
             "Tutorials", "Home Improvement", "Parenting", "Books", "Coffee", "Kitchen Gear", "Careers"]
META = ["{n} min read", "Updated {time} ET", "Last updated {date}", "{n} views", "Listen to this article · {n} min", "{m} shares",
        "Reading time: {n} minutes", "This post may contain affiliate links.", "As an Amazon Associate we earn from qualifying purchases.",
        "We may earn a commission when you buy through links on our site."]
PAGER = ["Previous post", "Next post", "« Older posts", "Newer posts »", "Page 1 of {n}", "1 2 3 … {n} Next", "Previous article: {rt}", "Next article: {rt}", "Next →", "← Prev"]
FORUM = [
    "Joined: {mon} {year2}", "Posts: {n}", "Reply #{n} on: {date}", "Quote", "Reply", "Like", "Report post", "Thread starter {user}",
    "{user}", "Senior Member", "New Member", "Moderator", "Start date {date}", "Watch thread", "Sort by date Sort by votes",
    "Click to expand...", "You must log in or register to reply here.", "Similar threads", "Share this page", "{n} upvotes",
    "Posted {n} hours ago", "Last edited: {date}", "Marked as solved", "Accepted answer",
]
DOCS = [
    "On this page", "Edit this page", "Was this page helpful?", "Yes No", "Table of contents", "Previous", "Next",
    "Copy", "Copied!", "Ask AI", "Search docs... Ctrl K", "v3.2 (latest)", "Feedback", "Report an issue with this page",
    "Last updated on {date}", "Help us improve", "Edit on GitHub",
]
RECIPE = [
    "Jump to Recipe", "Print Recipe", "Pin Recipe", "Rate this recipe", "★★★★★ {n} ratings", "4.8 from {n} votes",
    "Nutrition Information", "Did you make this recipe? Tag us!", "Save Recipe", "Cook Mode Prevent your screen from going dark",
]
REVIEW = [
    "Price when reviewed: ${n}", "Check price", "See it at Amazon", "View at Best Buy", "Our rating: 4 out of 5", "Pros",
    "Cons", "Best Deals Today", "$ {n}.99 at Walmart", "Compare prices", "Why you can trust us", "Best overall",
]
SEO_SPAM = [
    "free movies online, watch series hd, online casino bonus, sports betting tips, cheap replica watches, casino slots free",
    "watch full movie free, 123movies, putlocker, online poker, lottery results today, live football stream, hd torrents",
    "best casino sites, free spins no deposit, buy followers cheap, hot singles near you, crypto giveaway, movie download",
    "anime online free, watch tv shows, bingo online, betting odds today, cheap viagra, free streaming sites list",
    "online slots real money, free film streaming, sex chat, jackpot winners, football live hd, download series free",
    "keto pills, payday loans fast, free iphone giveaway, casino no deposit bonus, celebrity gossip today, watch boxing live",
]
RELATED_TITLES = [
    "County Extends Burn Ban as Dry Conditions Persist", "New Bike Lanes Spark Debate on Main Street",
    "Transit Agency Proposes Fare Freeze for Next Year", "Five Takeaways From Tuesday's Primary Results",
    "Hospital Workers Vote to Unionize", "Library Branch to Reopen After Two-Year Renovation",
    "How to Keep Your Home Cool Without Cranking the AC", "Why Egg Prices Are Falling Again",
    "The Quiet Return of the Landline", "Inside the Race to Build Cheaper Batteries",
    "What the Fed's Decision Means for Your Mortgage", "A Guide to This Year's Tax Changes",
    "The Best Budget Smartphones of the Year", "I Tried Meal Kits for a Month. Here's What Happened",
    "Our Favorite Noise-Cancelling Earbuds", "The 7 Best Air Fryers, Tested and Reviewed",
    "Easy Sheet-Pan Salmon With Green Beans", "15-Minute Garlic Noodles", "The Only Banana Bread Recipe You Need",
    "Slow Cooker Beef Stew", "Crispy Chickpea Salad With Lemon Dressing", "Best Chocolate Chip Cookies",
    "Sheet-Pan Gnocchi With Sausage and Peppers", "Creamy Tuscan White Bean Soup",
    "Understanding Async Functions", "Deploying to Production", "Environment Variables Reference",
    "Error Codes", "Webhooks Quickstart", "Pagination", "Logging and Monitoring", "SDK Reference",
    "How to Start a Vegetable Garden in a Small Space", "My Minimalist Morning Routine", "What I Read This Month",
    "A Weekend in Lisbon on a Budget", "The Case for Slower Travel", "Lessons From a Year Without Social Media",
    "Scientists Map Ocean Floor in Unprecedented Detail", "Why Sleep Gets Harder as We Age",
    "The Surprising History of the Sandwich", "What Happens to Your Body When You Stop Drinking Coffee",
    "Study Links Green Space to Lower Stress", "NASA Picks New Crew for Lunar Mission",
    "Should I replace my water heater or repair it?", "Brakes squeaking after new pads", "Best beginner programming language in 2024?",
    "Raised bed soil mix recommendations", "Anyone tried the new budget e-reader?", "Help identifying this bird",
    "Stock Market Ends Week Higher on Tech Rally", "Housing Starts Fall for Third Straight Month",
    "Championship Parade Route Announced", "Coach Signs Contract Extension Through 2028",
    "Star Striker Ruled Out for Six Weeks", "Underdogs Stun Defending Champions in Overtime",
    "Opinion: Our Cities Need More Trees, Not More Parking", "Letters to the Editor", "The Week in Pictures",
    "Watch: Drone Footage Shows Flood Damage", "Podcast: The Future of Work", "Quiz: How Well Do You Know This Week's News?",
]
