-- wrk script for POST /api/v1/analyze: rotates a few customer messages; the key comes from RAPPORT_KEY.
local texts = {
  "My blender arrived broken and I needed it for my daughter's birthday. This is really disappointing.",
  "You charged my card twice. I want my money back NOW!!",
  "I can't log in since yesterday and I don't understand what I did wrong.",
  "Thank you so much, the replacement arrived and it works perfectly!",
  "This is the third time I am writing. Nobody answers. I'm about to cancel.",
  "Someone changed my password?? I'm scared my account was hacked.",
}
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("RAPPORT_KEY")
request = function()
  n = n + 1
  return wrk.format(nil, nil, nil, '{"text":"' .. texts[(n % #texts) + 1] .. '"}')
end
