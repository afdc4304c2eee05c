import Foundation

/// Web pages written to look like real news sites, around an article given as HTML: a cookie
/// banner, a site header with navigation, a share bar, a byline and a date line, an ad, related
/// links with quoted headlines, a newsletter box, reader comments with quotations, a footer, and
/// JSON-LD. All text invented.
enum PageFixtures {
    struct Article {
        var headline: String
        /// The body as HTML (paragraphs, subheadings, lists, quotations).
        var body: String
        var author = "Maria Ortiz"
        var published = "2021-03-09T08:30:00-05:00"
        var site = "The Harbor Courier"
        var url = "https://news.example.com/2021/03/09/city/harbor-bridge-reopens"
    }

    /// What the clutter says: none of it may reach the article's text.
    static let clutterPhrases = [
        "We use cookies", "Accept all", "Subscribe", "Share on Facebook", "Tweet this", "Sports", "Weather", "Opinion",
        "Advertisement", "Read next", "Mayor vows", "Storm closes", "Sign up for our morning briefing", "Comments",
        "Total waste of money", "my husband said", "About us", "All rights reserved", "Most read", "Log in",
        "Photo: Ana Ruiz", "Ferry riders celebrate",
    ]

    static func newsPage(_ article: Article, charsetMeta: String = "<meta charset=\"utf-8\">") -> String {
        """
        <!DOCTYPE html>
        <html lang="en-US">
        <head>
        \(charsetMeta)
        <title>\(article.headline) | \(article.site)</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta property="og:title" content="\(article.headline)">
        <meta property="og:site_name" content="\(article.site)">
        <meta property="og:url" content="\(article.url)">
        <meta property="article:published_time" content="\(article.published)">
        <meta name="author" content="\(article.author)">
        <link rel="canonical" href="\(article.url)">
        <link rel="stylesheet" href="/static/site.css">
        <style>.share-bar { display: flex } p { margin: 0 0 1em }</style>
        <script>window.dataLayer = window.dataLayer || []; dataLayer.push({"section": "city", "quote": "\\"not text\\""});</script>
        <script type="application/ld+json">
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": \(json(article.headline)),
         "datePublished": "\(article.published)", "dateModified": "2021-03-10T11:00:00-05:00",
         "author": [{"@type": "Person", "name": \(json(article.author))}],
         "publisher": {"@type": "Organization", "name": \(json(article.site))},
         "mainEntityOfPage": {"@type": "WebPage", "@id": "\(article.url)"}}
        </script>
        </head>
        <body class="article-page">
        <div id="cookie-consent" class="cookie-banner"><p>We use cookies to improve your experience.
          <button>Accept all</button> <a href="/privacy">Privacy policy</a></p></div>
        <header class="site-header">
          <a class="logo" href="/">\(article.site)</a>
          <nav class="main-nav" aria-label="Sections"><ul>
            <li><a href="/news">News</a></li><li><a href="/sports">Sports</a></li>
            <li><a href="/weather">Weather</a></li><li><a href="/opinion">Opinion</a></li>
            <li><a href="/login">Log in</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav>
        </header>
        <main id="main">
          <div class="breadcrumbs"><a href="/news">News</a> › <a href="/news/city">City</a></div>
          <article class="story">
            <header class="story-header">
              <h1 class="headline">\(article.headline)</h1>
              <p class="byline">By <a rel="author" href="/staff/ortiz">\(article.author)</a></p>
              <p class="dateline"><time datetime="\(article.published)">March 9, 2021</time></p>
            </header>
            <div class="share-bar social-share"><a href="#">Share on Facebook</a> <a href="#">Tweet this</a>
              <a href="#">Email</a></div>
            <figure class="lead-image"><img src="/img/bridge.jpg" alt="">
              <figcaption>Ferry riders celebrate on the pier. Photo: Ana Ruiz</figcaption></figure>
            <div class="article-body" itemprop="articleBody">
              \(article.body)
              <div class="ad-slot advertisement"><span>Advertisement</span><iframe src="/ads/1"></iframe></div>
            </div>
            <div class="newsletter-signup"><h3>Sign up for our morning briefing</h3>
              <form><input type="email" placeholder="Email"><button>Sign up</button></form></div>
          </article>
          <aside class="related-stories"><h2>Read next</h2><ul>
            <li><a href="/a">“We will not back down,” Mayor vows in budget fight</a></li>
            <li><a href="/b">Storm closes schools: “Stay home,” officials say</a></li></ul></aside>
          <section id="comments" class="comments-section"><h2>Comments</h2>
            <ol class="comment-list">
              <li class="comment"><p class="comment-author">harborfan</p>
                <p>“Total waste of money,” my husband said when he read this. I disagree.</p></li>
              <li class="comment"><p class="comment-author">jlee</p>
                <p>As my neighbour put it: “Finally, a bridge that opens on time.”</p></li>
            </ol></section>
          <div class="sidebar"><div class="most-read widget"><h3>Most read</h3><ol>
            <li><a href="/c">Ferry fares rise again</a></li></ol></div></div>
        </main>
        <footer class="site-footer"><p>© 2021 \(article.site). All rights reserved. <a href="/about">About us</a></p></footer>
        <script src="/static/app.js"></script>
        </body>
        </html>
        """
    }

    /// An invented news article with the structures a body keeps: paragraphs, a subheading, a
    /// list, a block quotation, a line break, an inline quotation and entities.
    static let bridgeArticle = Article(
        headline: "Harbor bridge reopens after two years of repairs",
        body: """
            <p>The Harbor Street bridge reopened to traffic on Monday, two years after engineers found cracks in \
            its main span, and &ldquo;ahead of schedule,&rdquo; according to the city&#8217;s transport office.</p>
            <p>“This is a good day for everyone who crosses the river,” said Dana Whitfield, the city’s chief \
            engineer, at a ceremony attended by about 200 people.</p>
            <h2>What changed</h2>
            <p>Crews replaced the deck, repainted the towers and added a protected lane for bicycles, at a cost of \
            $48&nbsp;million &amp; change.</p>
            <ul><li>A new deck of precast concrete</li><li>Wider sidewalks on both sides</li></ul>
            <blockquote><p>We kept the ferry running every day of the closure.</p></blockquote>
            <p>Ferry service will continue on weekends.<br>Weekday crossings end on Friday.</p>
            <p>Council member Paul Greer called the reopening <q>long overdue</q> and said he would ask for an \
            independent review of the delays.</p>
            """)

    /// The plain text the article's body becomes.
    static let bridgeParagraphs = [
        "The Harbor Street bridge reopened to traffic on Monday, two years after engineers found cracks in its main span, and \u{201C}ahead of schedule,\u{201D} according to the city\u{2019}s transport office.",
        "“This is a good day for everyone who crosses the river,” said Dana Whitfield, the city’s chief engineer, at a ceremony attended by about 200 people.",
        "What changed",
        "Crews replaced the deck, repainted the towers and added a protected lane for bicycles, at a cost of $48 million & change.",
        "A new deck of precast concrete",
        "Wider sidewalks on both sides",
        "We kept the ferry running every day of the closure.",
        "Ferry service will continue on weekends.\nWeekday crossings end on Friday.",
        "Council member Paul Greer called the reopening \u{201C}long overdue\u{201D} and said he would ask for an independent review of the delays.",
    ]

    /// `text` escaped for HTML.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// `text` as a JSON string literal.
    static func json(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text])
        let array = String(decoding: data, as: UTF8.self)
        return String(array.dropFirst().dropLast())
    }
}
